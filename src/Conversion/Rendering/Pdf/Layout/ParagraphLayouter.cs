using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Rendering.Pdf.Text;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// Turns styled text into line items: resolve bidi levels, shape, break into lines, order each line's
/// pieces visually, align or justify, and emit glyph runs, decorations, links and destinations.
/// </summary>
internal sealed class ParagraphLayouter(FontLibrary fonts, string language, float lineHeightFactor) : IDisposable
{
    private readonly ParagraphShaper shaper = new(fonts, language);

    /// <summary>Characters met so far that no shipped font has.</summary>
    public IReadOnlyCollection<int> MissingCharacters => shaper.MissingCharacters;

    public void Dispose() => shaper.Dispose();

    public List<FlowItem> Layout(StyledText styled, float width, Alignment alignment, TextDirection direction)
    {
        var (text, styles) = styled.Build();
        if (text.Length == 0)
        {
            return [];
        }

        var rightToLeft = direction == TextDirection.RightToLeft;
        var levels = BidiResolver.ResolveLevels(text, rightToLeft);
        var paragraph = shaper.Shape(text, styles, levels);
        var lines = LineBreaker.Break(paragraph, width);
        var items = new List<FlowItem>(lines.Count);
        var anchorIndex = 0;
        foreach (var line in lines)
        {
            var drawables = new List<Drawable>();
            while (anchorIndex < styled.Anchors.Count && styled.Anchors[anchorIndex].Position <= Math.Max(line.End, line.Start))
            {
                drawables.Add(new DestinationDrawable(new SKPoint(0, 0), styled.Anchors[anchorIndex].Name));
                anchorIndex++;
            }

            var height = LayoutLine(paragraph, line, width, alignment, rightToLeft, drawables);
            items.Add(new FlowItem(height, drawables));
        }

        // Anchors after the last character (an empty bookmark at the paragraph end) land on the last line.
        for (; anchorIndex < styled.Anchors.Count && items.Count > 0; anchorIndex++)
        {
            ((List<Drawable>)items[^1].Drawables).Add(new DestinationDrawable(new SKPoint(0, 0), styled.Anchors[anchorIndex].Name));
        }

        return items;
    }

    private float LayoutLine(ShapedParagraph paragraph, LineSpan line, float width, Alignment alignment, bool rightToLeft, List<Drawable> drawables)
    {
        var pieces = CollectPieces(paragraph, line);
        var maxSize = pieces.Count == 0 ? LineSizeAt(paragraph, line.Start) : pieces.Max(p => p.Segment.Style.Size - Math.Abs(p.Segment.Style.BaselineShift) * 0.5f);
        var lineHeight = maxSize * lineHeightFactor;
        var baseline = (lineHeight - maxSize) / 2 + maxSize * 0.8f;

        var visibleWidth = pieces.Sum(p => p.Width);
        var spaces = CountJustifiableSpaces(paragraph.Text, line);
        var justify = alignment == Alignment.Justify && !line.EndsParagraphOrForced && spaces > 0;
        var extraPerSpace = justify ? Math.Max(0, (width - visibleWidth) / spaces) : 0;
        if (extraPerSpace > paragraph.Segments[0].Style.Size * 1.5f)
        {
            // A line with one long word and a couple of spaces would look torn; leave it ragged.
            extraPerSpace = 0;
            justify = false;
        }

        var lineWidth = visibleWidth + (extraPerSpace * spaces);
        var startX = (alignment, rightToLeft) switch
        {
            (Alignment.Center, _) => (width - lineWidth) / 2,
            (Alignment.End, false) or (Alignment.Start, true) => width - lineWidth,
            (Alignment.Justify, true) => width - lineWidth,
            _ => 0f,
        };

        var levels = new byte[pieces.Count];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = pieces[i].Segment.Level;
        }

        var order = BidiResolver.VisualOrder(levels);
        var xByPiece = new float[pieces.Count];
        var x = startX;
        foreach (var index in order)
        {
            xByPiece[index] = x;
            x += pieces[index].Width + (extraPerSpace * pieces[index].Spaces);
        }

        // Drawables go out in logical order: the content stream then reads in reading order.
        for (var i = 0; i < pieces.Count; i++)
        {
            EmitPiece(paragraph, pieces[i], xByPiece[i], baseline, lineHeight, extraPerSpace, drawables);
        }

        return lineHeight;
    }

    private static float LineSizeAt(ShapedParagraph paragraph, int position) =>
        paragraph.Segments.FirstOrDefault(s => s.Start <= position && position < s.End)?.Style.Size ?? paragraph.Segments[0].Style.Size;

    private static int CountJustifiableSpaces(string text, LineSpan line)
    {
        var count = 0;
        for (var i = line.Start; i < line.VisibleEnd; i++)
        {
            if (text[i] == ' ')
            {
                count++;
            }
        }

        return count;
    }

    private static List<LinePiece> CollectPieces(ShapedParagraph paragraph, LineSpan line)
    {
        var pieces = new List<LinePiece>();
        foreach (var segment in paragraph.Segments)
        {
            if (segment.End <= line.Start || segment.Start >= line.VisibleEnd || segment.Glyphs.Length == 0)
            {
                continue;
            }

            var first = -1;
            var last = -1;
            for (var g = 0; g < segment.Glyphs.Length; g++)
            {
                var cluster = segment.Clusters[g];
                if (cluster >= line.Start && cluster < line.VisibleEnd)
                {
                    if (first < 0)
                    {
                        first = g;
                    }

                    last = g;
                }
            }

            if (first < 0)
            {
                continue;
            }

            var width = 0f;
            var spaces = 0;
            for (var g = first; g <= last; g++)
            {
                width += segment.Advances[g];
                if (paragraph.Text[segment.Clusters[g]] == ' ')
                {
                    spaces++;
                }
            }

            pieces.Add(new LinePiece(segment, first, last + 1, width, spaces,
                Math.Max(segment.Start, line.Start), Math.Min(segment.End, line.VisibleEnd)));
        }

        return pieces;
    }

    private static void EmitPiece(ShapedParagraph paragraph, LinePiece piece, float x, float baseline, float lineHeight, float extraPerSpace, List<Drawable> drawables)
    {
        var segment = piece.Segment;
        var count = piece.GlyphEnd - piece.GlyphStart;
        var glyphs = new ushort[count];
        var positions = new SKPoint[count];
        var clusters = new int[count];
        var originX = segment.Positions[piece.GlyphStart].X;
        var shift = 0f;
        for (var k = 0; k < count; k++)
        {
            var g = piece.GlyphStart + k;

            // Right-to-left glyphs come from HarfBuzz in visual order; store them in logical order.
            var slot = segment.IsRightToLeft ? count - 1 - k : k;
            glyphs[slot] = segment.Glyphs[g];
            positions[slot] = new SKPoint(segment.Positions[g].X - originX + shift, segment.Positions[g].Y);
            clusters[slot] = segment.Clusters[g];
            if (paragraph.Text[segment.Clusters[g]] == ' ')
            {
                shift += extraPerSpace;
            }
        }

        var style = segment.Style;
        var baselineY = baseline - style.BaselineShift;
        drawables.Add(new GlyphRunDrawable(segment.Font, new SKPoint(x, baselineY), glyphs, positions, paragraph.Text, clusters,
            piece.TextStart, piece.TextEnd, style.Colour));

        var width = piece.Width + (extraPerSpace * piece.Spaces);
        var thickness = Math.Max(0.5f, style.Size * 0.06f);
        if (style.Underline)
        {
            var y = baselineY + (style.Size * 0.12f);
            drawables.Add(new LineDrawable(new SKPoint(x, y), new SKPoint(x + width, y), style.Colour, thickness));
        }

        if (style.Strikethrough)
        {
            var y = baselineY - (style.Size * 0.28f);
            drawables.Add(new LineDrawable(new SKPoint(x, y), new SKPoint(x + width, y), style.Colour, thickness));
        }

        if (style.Link is { } link)
        {
            drawables.Add(new LinkDrawable(new SKRect(x, 0, x + width, lineHeight), link));
        }
    }

    private sealed record LinePiece(ShapedSegment Segment, int GlyphStart, int GlyphEnd, float Width, int Spaces, int TextStart, int TextEnd);
}
