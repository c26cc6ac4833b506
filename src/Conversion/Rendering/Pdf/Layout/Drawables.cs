using PressPipeline.Conversion.Rendering.Pdf.Text;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// A positioned thing the painter draws. Layout produces these relative to a flow item's top-left
/// corner; pagination moves them onto a page with <see cref="Offset"/>. Closed set: the painter switches over it.
/// </summary>
internal abstract record Drawable
{
    private protected Drawable()
    {
    }

    public abstract Drawable Offset(float dx, float dy);
}

/// <summary>
/// Shaped glyphs of one font. <see cref="Positions"/> are relative to <see cref="Origin"/> (the baseline
/// start); glyphs are stored in logical order so text extraction reads in reading order even when the
/// glyphs sit right to left. <see cref="Clusters"/> index into <see cref="Text"/>, the source characters.
/// </summary>
internal sealed record GlyphRunDrawable(
    SKFont Font,
    SKPoint Origin,
    ushort[] Glyphs,
    SKPoint[] Positions,
    string Text,
    int[] Clusters,
    int TextStart,
    int TextEnd,
    SKColor Colour) : Drawable
{
    public override Drawable Offset(float dx, float dy) => this with { Origin = new SKPoint(Origin.X + dx, Origin.Y + dy) };
}

/// <summary>A straight line: rules, borders, underlines.</summary>
internal sealed record LineDrawable(SKPoint From, SKPoint To, SKColor Colour, float Width) : Drawable
{
    public override Drawable Offset(float dx, float dy) =>
        this with { From = new SKPoint(From.X + dx, From.Y + dy), To = new SKPoint(To.X + dx, To.Y + dy) };
}

/// <summary>A filled rectangle (table header shading, image placeholders).</summary>
internal sealed record FillDrawable(SKRect Rect, SKColor Colour) : Drawable
{
    public override Drawable Offset(float dx, float dy) => this with { Rect = Shift(Rect, dx, dy) };

    internal static SKRect Shift(SKRect rect, float dx, float dy) => new(rect.Left + dx, rect.Top + dy, rect.Right + dx, rect.Bottom + dy);
}

/// <summary>A picture scaled into a rectangle; its pixels may still be in preparation until it is painted.</summary>
internal sealed record ImageDrawable(PreparedPicture Picture, SKRect Rect) : Drawable
{
    public override Drawable Offset(float dx, float dy) => this with { Rect = FillDrawable.Shift(Rect, dx, dy) };
}

/// <summary>A clickable area: a URL annotation or a link to a named destination.</summary>
internal sealed record LinkDrawable(SKRect Rect, LinkTarget Target) : Drawable
{
    public override Drawable Offset(float dx, float dy) => this with { Rect = FillDrawable.Shift(Rect, dx, dy) };
}

/// <summary>A named destination (bookmark target) at a point.</summary>
internal sealed record DestinationDrawable(SKPoint Point, string Name) : Drawable
{
    public override Drawable Offset(float dx, float dy) => this with { Point = new SKPoint(Point.X + dx, Point.Y + dy) };
}
