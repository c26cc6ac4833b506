using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Text;

/// <summary>
/// One shaped stretch of a paragraph: a single style, font face and bidi level. Glyphs are in visual
/// order as HarfBuzz returns them (right-to-left segments come out reversed); <see cref="Clusters"/>
/// gives each glyph's first character index in the paragraph text.
/// </summary>
internal sealed class ShapedSegment(
    int start,
    int end,
    RunStyle style,
    SKFont font,
    byte level,
    ushort[] glyphs,
    SKPoint[] positions,
    float[] advances,
    int[] clusters)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    public RunStyle Style { get; } = style;

    /// <summary>The sized Skia font (face plus fake bold/italic when the family lacks the file).</summary>
    public SKFont Font { get; } = font;

    public byte Level { get; } = level;

    public bool IsRightToLeft => Level % 2 == 1;

    public ushort[] Glyphs { get; } = glyphs;

    /// <summary>Glyph origins relative to the segment's left edge (x) and baseline (y, down positive).</summary>
    public SKPoint[] Positions { get; } = positions;

    public float[] Advances { get; } = advances;

    public int[] Clusters { get; } = clusters;

    public LoadedFace? Face { get; init; }
}
