using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Text;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// Paints laid-out pages into a PDF with Skia's PDF backend: glyph runs carry their source text and
/// clusters (so the PDF gets ToUnicode maps and ActualText and text copies in reading order), links
/// become URI or GoTo annotations, headings and bookmarks become named destinations. Skia embeds the
/// fonts it is given; the page furniture ("Page N of M") is laid out here, once the page count is known.
/// </summary>
internal static class PdfPainter
{
    public static byte[] Paint(IReadOnlyList<LaidOutPage> pages, PageFurniture furniture, SKDocumentPdfMetadata metadata, Theme.PageTheme page, string? language)
    {
        var destinations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var laidOut in pages)
        {
            foreach (var placed in laidOut.Items)
            {
                foreach (var drawable in placed.Item.Drawables)
                {
                    if (drawable is DestinationDrawable destination)
                    {
                        destinations.Add(destination.Name);
                    }
                }
            }
        }

        using var subsets = new FontSubsets(pages.SelectMany(p => p.Items).SelectMany(i => i.Item.Drawables).OfType<GlyphRunDrawable>()
            .Concat(Enumerable.Range(1, pages.Count).SelectMany(n => furniture.For(n, pages.Count)).OfType<GlyphRunDrawable>()));
        using var output = new SKDynamicMemoryWStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var text = new TextBatch(subsets, fill);
            var painted = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < pages.Count; index++)
            {
                var canvas = document.BeginPage(page.PaperSize.Width, page.PaperSize.Height);
                foreach (var placed in pages[index].Items)
                {
                    foreach (var drawable in placed.Item.Drawables)
                    {
                        Draw(canvas, drawable.Offset(page.MarginLeft, page.MarginTop + placed.Top), fill, stroke, destinations, painted, text);
                    }
                }

                foreach (var drawable in furniture.For(index + 1, pages.Count))
                {
                    Draw(canvas, drawable, fill, stroke, destinations, painted, text);
                }

                text.Flush(canvas);
                document.EndPage();
            }

            document.Close();
        }

        var outline = pages.SelectMany(p => p.Items).Select(i => i.Item.Outline).OfType<OutlineEntry>()
            .Where(entry => destinations.Contains(entry.Destination)).ToList();
        return CatalogAmendment.Amend(DocumentIdentity.MakeDeterministic(Detach(output)), outline, language);
    }

    // Skia writes into native memory (no managed callback per write); the bytes are copied out once.
    private static byte[] Detach(SKDynamicMemoryWStream output)
    {
        using var data = output.DetachAsData();
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, Drawable drawable, SKPaint fill, SKPaint stroke, HashSet<string> destinations, HashSet<string> painted, TextBatch text)
    {
        if (drawable is GlyphRunDrawable run)
        {
            text.Add(canvas, run);
            return;
        }

        // Everything else is drawn in order with the text, so the text gathered so far goes first.
        text.Flush(canvas);
        switch (drawable)
        {
            case LineDrawable line:
                stroke.Color = line.Colour;
                stroke.StrokeWidth = line.Width;
                canvas.DrawLine(line.From, line.To, stroke);
                break;
            case FillDrawable box:
                fill.Color = box.Colour;
                canvas.DrawRect(box.Rect, fill);
                break;
            case ImageDrawable { Picture.Image: { } ready } image:
                using (var sampled = new SKPaint { IsAntialias = true })
                {
                    canvas.DrawImage(ready, image.Rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), sampled);
                }

                break;
            case LinkDrawable { Target: LinkTarget.External external } link:
                canvas.DrawUrlAnnotation(link.Rect, external.Uri.AbsoluteUri);
                break;
            case LinkDrawable { Target: LinkTarget.Internal @internal } link when destinations.Contains(@internal.Destination):
                canvas.DrawLinkDestinationAnnotation(link.Rect, @internal.Destination);
                break;
            case DestinationDrawable destination when painted.Add(destination.Name):
                canvas.DrawNamedDestinationAnnotation(destination.Point, destination.Name);
                break;
            default:
                break;
        }
    }
}
