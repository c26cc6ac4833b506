using System.Text;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// Glyph runs gathered into one text blob while they share a colour, then drawn with one call. Each
/// run keeps its source text and clusters, so the PDF's ToUnicode maps and ActualText are as before; what
/// goes is Skia's fixed cost per draw call (a report page draws some seventy runs). The fill paint is the
/// painter's, shared with its boxes: its colour is set at every draw.
/// </summary>
internal sealed class TextBatch(FontSubsets subsets, SKPaint fill) : IDisposable
{
    private readonly SKTextBlobBuilder builder = new();
    private int[] byteOffsets = new int[256];
    private SKColor colour;
    private int pending;

    public void Add(SKCanvas canvas, GlyphRunDrawable run)
    {
        if (run.Glyphs.Length == 0)
        {
            return;
        }

        if (pending > 0 && run.Colour != colour)
        {
            Flush(canvas);
        }

        colour = run.Colour;
        var font = subsets.For(run.Font);
        var text = run.Text.AsSpan(run.TextStart, run.TextEnd - run.TextStart);
        var byteCount = Utf8Offsets(text);
        var buffer = builder.AllocatePositionedTextRun(font.Font, run.Glyphs.Length, byteCount);
        var glyphs = buffer.Glyphs;
        var positions = buffer.Positions;
        var clusters = buffer.Clusters;
        for (var g = 0; g < run.Glyphs.Length; g++)
        {
            glyphs[g] = font.Glyph(run.Glyphs[g]);
            positions[g] = new SKPoint(run.Origin.X + run.Positions[g].X, run.Origin.Y + run.Positions[g].Y);
            clusters[g] = (uint)byteOffsets[Math.Clamp(run.Clusters[g] - run.TextStart, 0, text.Length)];
        }

        Encoding.UTF8.GetBytes(text, buffer.Text);
        pending++;
    }

    /// <summary>Draws what has been gathered; Skia's builder starts empty again after building.</summary>
    public void Flush(SKCanvas canvas)
    {
        if (pending == 0)
        {
            return;
        }

        pending = 0;
        using var blob = builder.Build();
        if (blob is not null)
        {
            fill.Color = colour;
            canvas.DrawText(blob, 0, 0, fill);
        }
    }

    public void Dispose() => builder.Dispose();

    /// <summary>
    /// Fills <see cref="byteOffsets"/> with the UTF-8 byte offset of every UTF-16 unit (and of the end), for
    /// Skia's cluster map, and returns the byte count. Counted by hand: asking the encoder once per character
    /// was a visible share of painting a long report.
    /// </summary>
    private int Utf8Offsets(ReadOnlySpan<char> text)
    {
        if (byteOffsets.Length <= text.Length)
        {
            byteOffsets = new int[Math.Max(text.Length + 1, byteOffsets.Length * 2)];
        }

        var offset = 0;
        for (var i = 0; i < text.Length; i++)
        {
            byteOffsets[i] = offset;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offset += 4;
                byteOffsets[++i] = offset;
                continue;
            }

            // A lone surrogate is encoded as U+FFFD, three bytes, like any other character from U+0800 up.
            offset += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }

        byteOffsets[text.Length] = offset;
        return offset;
    }
}
