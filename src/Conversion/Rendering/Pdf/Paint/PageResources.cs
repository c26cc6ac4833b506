using System.Globalization;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Writer;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// The one resource dictionary every page shares: fonts, pictures (each written once however often it is
/// drawn) and the opacity states colours with alpha need.
/// </summary>
internal sealed class PageResources(PdfFile file)
{
    private readonly SortedDictionary<byte, string> opacities = [];
    private readonly Dictionary<PreparedPicture, (string Name, int Number, PdfImage Image)> pictures = new(ReferenceEqualityComparer.Instance);
    private readonly List<PreparedPicture> pictureOrder = [];

    /// <summary>The name of the graphics state that sets this opacity (fill and stroke).</summary>
    public string Opacity(byte alpha)
    {
        if (!opacities.TryGetValue(alpha, out var name))
        {
            opacities[alpha] = name = "GS" + alpha.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>The XObject name a picture is drawn by; null when its pixels could not be read.</summary>
    public string? Picture(PreparedPicture picture)
    {
        if (pictures.TryGetValue(picture, out var known))
        {
            return known.Name;
        }

        if (picture.Image is not { } image)
        {
            return null;
        }

        var name = "Im" + (pictures.Count + 1).ToString(CultureInfo.InvariantCulture);
        pictures[picture] = (name, file.Allocate(), image);
        pictureOrder.Add(picture);
        return name;
    }

    public void Write(int number, IEnumerable<EmbeddedFont> fonts)
    {
        foreach (var picture in pictureOrder)
        {
            var (_, imageNumber, image) = pictures[picture];
            image.Write(file, imageNumber);
        }

        file.Dictionary(number, d =>
        {
            d.Ascii("/Font<<");
            foreach (var font in fonts)
            {
                d.Byte((byte)'/').Ascii(font.ResourceName).Reference(font.Number);
            }

            d.Ascii(">>");
            if (pictureOrder.Count > 0)
            {
                d.Ascii("/XObject<<");
                foreach (var picture in pictureOrder)
                {
                    var (name, imageNumber, _) = pictures[picture];
                    d.Byte((byte)'/').Ascii(name).Reference(imageNumber);
                }

                d.Ascii(">>");
            }

            if (opacities.Count > 0)
            {
                d.Ascii("/ExtGState<<");
                foreach (var (alpha, name) in opacities)
                {
                    d.Byte((byte)'/').Ascii(name).Ascii("<</Type/ExtGState/ca ").Number(alpha / 255.0).Ascii("/CA ").Number(alpha / 255.0).Ascii(">>");
                }

                d.Ascii(">>");
            }
        });
    }
}
