using System.Text;
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
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
            var painted = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < pages.Count; index++)
            {
                var canvas = document.BeginPage(page.PaperSize.Width, page.PaperSize.Height);
                foreach (var placed in pages[index].Items)
                {
                    foreach (var drawable in placed.Item.Drawables)
                    {
                        Draw(canvas, drawable.Offset(page.MarginLeft, page.MarginTop + placed.Top), fill, stroke, destinations, painted, subsets);
                    }
                }

                foreach (var drawable in furniture.For(index + 1, pages.Count))
                {
                    Draw(canvas, drawable, fill, stroke, destinations, painted, subsets);
                }

                document.EndPage();
            }

            document.Close();
        }

        var outline = pages.SelectMany(p => p.Items).Select(i => i.Item.Outline).OfType<OutlineEntry>()
            .Where(entry => destinations.Contains(entry.Destination)).ToList();
        return CatalogAmendment.Amend(DocumentIdentity.MakeDeterministic(output.ToArray()), outline, language);
    }

    private static void Draw(SKCanvas canvas, Drawable drawable, SKPaint fill, SKPaint stroke, HashSet<string> destinations, HashSet<string> painted, FontSubsets subsets)
    {
        switch (drawable)
        {
            case GlyphRunDrawable run:
                DrawGlyphs(canvas, run, fill, subsets);
                break;
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

    private static void DrawGlyphs(SKCanvas canvas, GlyphRunDrawable run, SKPaint fill, FontSubsets subsets)
    {
        var font = subsets.FontFor(run.Font);
        if (run.Glyphs.Length == 0)
        {
            return;
        }

        var text = run.Text.AsSpan(run.TextStart, run.TextEnd - run.TextStart);
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var byteOffsets = Utf8Offsets(text);

        using var builder = new SKTextBlobBuilder();
        var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, byteCount);
        var glyphs = buffer.Glyphs;
        var positions = buffer.Positions;
        var clusters = buffer.Clusters;
        for (var g = 0; g < run.Glyphs.Length; g++)
        {
            glyphs[g] = subsets.GlyphFor(run.Font, run.Glyphs[g]);
            positions[g] = new SKPoint(run.Origin.X + run.Positions[g].X, run.Origin.Y + run.Positions[g].Y);
            clusters[g] = (uint)byteOffsets[Math.Clamp(run.Clusters[g] - run.TextStart, 0, text.Length)];
        }

        Encoding.UTF8.GetBytes(text, buffer.Text);
        using var blob = builder.Build();
        if (blob is null)
        {
            return;
        }

        fill.Color = run.Colour;
        canvas.DrawText(blob, 0, 0, fill);
    }

    /// <summary>
    /// The UTF-8 byte offset of every UTF-16 unit (and of the end), for Skia's cluster map. Counted by hand:
    /// asking the encoder once per character was a visible share of painting a long report.
    /// </summary>
    private static int[] Utf8Offsets(ReadOnlySpan<char> text)
    {
        var offsets = new int[text.Length + 1];
        var offset = 0;
        for (var i = 0; i < text.Length; i++)
        {
            offsets[i] = offset;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offset += 4;
                offsets[++i] = offset;
                continue;
            }

            // A lone surrogate is encoded as U+FFFD, three bytes, like any other character from U+0800 up.
            offset += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }

        offsets[text.Length] = offset;
        return offsets;
    }
}
