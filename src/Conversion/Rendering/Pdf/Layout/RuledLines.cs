using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// The borders of a row of table cells as the fewest straight lines: edges two cells share are drawn
/// once, and edges that continue one another (the tops of a row's cells) become one line. Each cell used
/// to draw its own four edges; on the 60-chapter report that was 5,900 lines and a fifth of the page
/// content the PDF writer compresses. The picture is the same: butt-capped segments laid end to end
/// cover exactly what one line across them does.
/// </summary>
internal sealed class RuledLines
{
    // Cell edges are sums of float column widths; two edges this close are the same edge.
    private const float SameEdge = 0.01f;

    private readonly List<(float At, float From, float To)> horizontal = [];
    private readonly List<(float At, float From, float To)> vertical = [];

    public void AddRectangle(SKRect rect)
    {
        horizontal.Add((rect.Top, rect.Left, rect.Right));
        horizontal.Add((rect.Bottom, rect.Left, rect.Right));
        vertical.Add((rect.Left, rect.Top, rect.Bottom));
        vertical.Add((rect.Right, rect.Top, rect.Bottom));
    }

    /// <summary>Horizontal lines top to bottom, then vertical lines left to right; each left to right or top to bottom.</summary>
    public IEnumerable<LineDrawable> Lines(SKColor colour, float width) =>
        Merge(horizontal).Select(s => new LineDrawable(new SKPoint(s.From, s.At), new SKPoint(s.To, s.At), colour, width))
            .Concat(Merge(vertical).Select(s => new LineDrawable(new SKPoint(s.At, s.From), new SKPoint(s.At, s.To), colour, width)));

    private static List<(float At, float From, float To)> Merge(List<(float At, float From, float To)> segments)
    {
        segments.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.From.CompareTo(b.From));
        var merged = new List<(float At, float From, float To)>(segments.Count);
        foreach (var segment in segments)
        {
            if (merged.Count > 0 && merged[^1] is var last
                && segment.At - last.At <= SameEdge && segment.From <= last.To + SameEdge)
            {
                merged[^1] = (last.At, last.From, Math.Max(last.To, segment.To));
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }
}
