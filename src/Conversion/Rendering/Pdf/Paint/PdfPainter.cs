using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Text;
using PressPipeline.Conversion.Rendering.Pdf.Writer;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// Writes laid-out pages as a PDF/A-2b file: page content from the drawables, the fonts cut to the glyphs
/// shown, pictures, link annotations, named destinations for headings and notes, the outline, the
/// metadata and the sRGB output intent. The page furniture ("Page N of M") is laid out here, once the
/// page count is known. The document ID is a digest of the file's own content, so the same release gives
/// the same bytes.
/// </summary>
internal static class PdfPainter
{
    public static byte[] Paint(IReadOnlyList<LaidOutPage> pages, PageFurniture furniture, DocumentMetadata metadata, Theme.PageTheme page, string? language)
    {
        var file = new PdfFile();
        var catalog = file.Allocate();
        var pageTree = file.Allocate();
        var shared = file.Allocate();
        var pageNumbers = pages.Select(_ => file.Allocate()).ToArray();
        var furnitures = Enumerable.Range(1, pages.Count).Select(n => furniture.For(n, pages.Count).ToList()).ToList();

        var destinations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var drawable in pages.SelectMany(p => p.Items).SelectMany(i => i.Item.Drawables))
        {
            if (drawable is DestinationDrawable destination)
            {
                destinations.Add(destination.Name);
            }
        }

        var fonts = new FontSubsets(
            pages.SelectMany(p => p.Items).SelectMany(i => i.Item.Drawables).Concat(furnitures.SelectMany(f => f)).OfType<GlyphRunDrawable>(),
            file);
        var resources = new PageResources(file);
        var targets = new Dictionary<string, (int Page, SKPoint Point)>(StringComparer.Ordinal);
        var height = page.PaperSize.Height;
        var contentBuffer = new PdfBytes(32 * 1024);
        for (var index = 0; index < pages.Count; index++)
        {
            contentBuffer.Clear();
            var content = new PageContent(fonts, resources, height, contentBuffer);
            var links = new List<LinkDrawable>();
            LaidOutRelease.Each(page, pages[index], furnitures[index], Draw);

            var contentNumber = file.Allocate();
            file.DeflatedStream(contentNumber, content.Finish());
            var annotations = links.Select(link => (Link: link, Number: file.Allocate())).ToList();
            foreach (var (link, number) in annotations)
            {
                WriteLink(file, number, link, height);
            }

            file.Dictionary(pageNumbers[index], d =>
            {
                d.Ascii("/Type/Page/Parent").Reference(pageTree).Ascii("/MediaBox[0 0 ").Number(page.PaperSize.Width).Space().Number(height)
                    .Ascii("]/Resources").Reference(shared).Ascii("/Contents").Reference(contentNumber);
                if (annotations.Count > 0)
                {
                    d.Ascii("/Annots[");
                    foreach (var (_, number) in annotations)
                    {
                        d.Reference(number);
                    }

                    d.Ascii("]");
                }
            });

            void Draw(Drawable drawable, float dx, float dy)
            {
                switch (drawable)
                {
                    case GlyphRunDrawable run:
                        content.Text(run, dx, dy);
                        break;
                    case LineDrawable line:
                        content.Line(line, dx, dy);
                        break;
                    case FillDrawable box:
                        content.Fill(box, dx, dy);
                        break;
                    case ImageDrawable image when resources.Picture(image.Picture) is { } name:
                        content.Image(name, image.Rect, dx, dy);
                        break;
                    case LinkDrawable { Target: LinkTarget.External } link:
                        links.Add((LinkDrawable)link.Offset(dx, dy));
                        break;
                    case LinkDrawable { Target: LinkTarget.Internal @internal } link when destinations.Contains(@internal.Destination):
                        links.Add((LinkDrawable)link.Offset(dx, dy));
                        break;
                    case DestinationDrawable destination when !targets.ContainsKey(destination.Name):
                        targets[destination.Name] = (pageNumbers[index], new SKPoint(destination.Point.X + dx, destination.Point.Y + dy));
                        break;
                    default:
                        break;
                }
            }
        }

        foreach (var font in fonts.Fonts)
        {
            font.Write(file);
        }

        resources.Write(shared, fonts.Fonts);
        file.Dictionary(pageTree, d =>
        {
            d.Ascii("/Type/Pages/Count ").Integer(pages.Count).Ascii("/Kids[");
            foreach (var number in pageNumbers)
            {
                d.Reference(number);
            }

            d.Ascii("]");
        });

        int? dests = null;
        if (targets.Count > 0)
        {
            dests = file.Allocate();
            file.Dictionary(dests.Value, d =>
            {
                foreach (var (name, (pageNumber, point)) in targets.OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    d.Name(name).Ascii("[").Integer(pageNumber).Ascii(" 0 R/XYZ ").Number(point.X).Space().Number(height - point.Y).Ascii(" 0]");
                }
            });
        }

        var outline = DocumentOutline.Write(file, [.. pages.SelectMany(p => p.Items).Select(i => i.Item.Outline).OfType<OutlineEntry>().Where(e => targets.ContainsKey(e.Destination))]);
        var profile = file.Allocate();
        file.DeflatedStream(profile, SrgbProfile.Data, d => d.Ascii("/N 3"));

        var xmp = file.Allocate();
        file.Dictionary(catalog, d =>
        {
            d.Ascii("/Type/Catalog/Pages").Reference(pageTree).Ascii("/Metadata").Reference(xmp);
            if (dests is { } destsNumber)
            {
                d.Ascii("/Dests").Reference(destsNumber);
            }

            if (outline is { } outlineNumber)
            {
                d.Ascii("/Outlines").Reference(outlineNumber).Ascii("/PageMode/UseOutlines");
            }

            if (!string.IsNullOrWhiteSpace(language))
            {
                d.Ascii("/Lang").Text(language);
            }

            d.Ascii("/ViewerPreferences<</DisplayDocTitle true>>/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier")
                .Text(SrgbProfile.Description).Ascii("/Info").Text(SrgbProfile.Description)
                .Ascii("/RegistryName(http://www.color.org)/DestOutputProfile").Reference(profile).Ascii(">>]");
        });

        // Everything above decides the identity; the XMP packet and the trailer carry it.
        var id = file.Digest();
        metadata.WriteXmp(file, xmp, id);
        var info = file.Allocate();
        metadata.WriteInfo(file, info);
        return file.Finish(catalog, info, id);
    }

    private static void WriteLink(PdfFile file, int number, LinkDrawable link, float height) => file.Dictionary(number, d =>
    {
        var rect = link.Rect;
        d.Ascii("/Type/Annot/Subtype/Link/F 4/Border[0 0 0]/Rect[").Number(rect.Left).Space().Number(height - rect.Bottom).Space()
            .Number(rect.Right).Space().Number(height - rect.Top).Ascii("]");
        switch (link.Target)
        {
            case LinkTarget.External external:
                d.Ascii("/A<</S/URI/URI").Text(AsciiUri(external.Uri)).Ascii(">>");
                break;
            case LinkTarget.Internal @internal:
                d.Ascii("/Dest").Name(@internal.Destination);
                break;
            default:
                break;
        }
    });

    // A URI action holds 7-bit ASCII: the host in its IDN form, anything else non-ASCII percent-encoded as UTF-8.
    private static string AsciiUri(Uri uri)
    {
        var text = uri.AbsoluteUri;
        if (text.All(char.IsAscii))
        {
            return text;
        }

        if (uri.IsAbsoluteUri && !uri.Host.All(char.IsAscii))
        {
            text = new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
        }

        var builder = new System.Text.StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
