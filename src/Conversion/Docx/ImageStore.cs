using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Image parts taken out of the package once each, named image1, image2… in order of first use, their
/// bytes copied with a cap so a part that lies about its size can't exhaust memory. A part is kept only if its
/// bytes are a raster picture (<see cref="ImageSniffer"/>), and it is named and typed as what its bytes are,
/// whatever the package says: an "image" that is HTML or SVG would be served from the newsroom as a page.
/// </summary>
internal sealed class ImageStore(ConversionLimits limits, Warnings warnings)
{
    private readonly Dictionary<Uri, ImageResource?> byPart = [];
    private readonly List<ImageResource> images = [];
    private long bytesTaken;

    public IReadOnlyList<ImageResource> Images => images;

    public ImageResource? Take(OpenXmlPart part)
    {
        if (byPart.TryGetValue(part.Uri, out var known))
        {
            return known;
        }

        byte[]? data;
        using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
        {
            data = BoundedCopy.ReadAll(stream, limits.MaxExpandedBytes - bytesTaken);
        }

        if (data is null)
        {
            throw PackageGuard.ZipBomb();
        }

        bytesTaken += data.Length;
        var sniffed = ImageSniffer.Sniff(data);
        if (sniffed is not { Raster: true })
        {
            // Word keeps a PNG beside every SVG and metafile it can (the a:blip the reader follows), so what gets
            // here is a picture Word itself could not show, or something posing as one.
            var why = sniffed is null ? Labelled(part.ContentType) : $"it is a Windows drawing ({sniffed.Extension}) that browsers do not show";
            warnings.Add("image.dropped", $"A picture was left out because {why}: insert it again in Word as a PNG or JPEG.");
            byPart[part.Uri] = null;
            return null;
        }

        var id = "image" + (images.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (sniffed.Extension is "tiff" or "bmp")
        {
            warnings.Add("image.format", $"A picture is in a format browsers may not show ({sniffed.Extension}); replace it with a PNG or JPEG in Word for best results.", id + "." + sniffed.Extension);
        }

        var (width, height) = ImageHeader.Size(data);
        var resource = new ImageResource(id, id + "." + sniffed.Extension, sniffed.ContentType, data, width, height);
        images.Add(resource);
        byPart[part.Uri] = resource;
        return resource;
    }

    /// <summary>What the package called the part, in words, for the warning (never trusted for anything else).</summary>
    private static string Labelled(string contentType) => contentType switch
    {
        "image/svg+xml" => "it is an SVG drawing with no PNG copy stored beside it",
        _ when contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => "its content is not in a picture format browsers show",
        _ => "its content is not a picture",
    };
}
