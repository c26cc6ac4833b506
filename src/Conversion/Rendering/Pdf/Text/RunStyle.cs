using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Text;

/// <summary>Where a piece of text links to: an outside URL or a named destination in this PDF.</summary>
internal abstract record LinkTarget
{
    private LinkTarget()
    {
    }

    public sealed record External(Uri Uri) : LinkTarget;

    public sealed record Internal(string Destination) : LinkTarget;
}

/// <summary>How a run of text is drawn: face choice, size, colour, decorations and link.</summary>
/// <param name="BaselineShift">Points to raise (positive) or lower the baseline: superscript, subscript.</param>
internal sealed record RunStyle(
    float Size,
    SKColor Colour,
    bool Bold = false,
    bool Italic = false,
    bool Underline = false,
    bool Strikethrough = false,
    float BaselineShift = 0,
    LinkTarget? Link = null);
