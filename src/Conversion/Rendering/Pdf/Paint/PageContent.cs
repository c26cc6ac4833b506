using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Writer;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// One page's content stream. Layout works top-down in points; PDF space is bottom-up, so every y is
/// turned over here. Graphics state (colours, line width, font, text render mode, opacity) is written
/// only when it changes, and consecutive glyph runs share one text object.
/// </summary>
internal sealed class PageContent(FontSubsets fonts, PageResources resources, float pageHeight, PdfBytes bytes)
{
    private bool inText;
    private SKColor? fill;
    private SKColor? stroke;
    private float lineWidth = 1;
    private byte opacity = byte.MaxValue;
    private EmbeddedFont? font;
    private float fontSize;
    private int renderMode;

    // The glyph-showing array being written: open when "[" is out, hex when a "<" string is open in it.
    private bool arrayOpen;
    private bool hexOpen;
    private double penX;
    private double penY;

    /// <summary>Closes any open text object and returns the page's content, ready to be deflated.</summary>
    public ReadOnlySpan<byte> Finish()
    {
        EndText();
        return bytes.Written;
    }

    public void Line(LineDrawable line, float dx, float dy)
    {
        EndText();
        Stroke(line.Colour);
        if (line.Width != lineWidth)
        {
            lineWidth = line.Width;
            bytes.Number(lineWidth).Ascii(" w\n");
        }

        bytes.Number(line.From.X + dx).Space().Number(pageHeight - (line.From.Y + dy)).Ascii(" m ")
            .Number(line.To.X + dx).Space().Number(pageHeight - (line.To.Y + dy)).Ascii(" l S\n");
    }

    public void Fill(FillDrawable box, float dx, float dy)
    {
        EndText();
        Fill(box.Colour);
        var rect = box.Rect;
        bytes.Number(rect.Left + dx).Space().Number(pageHeight - (rect.Bottom + dy)).Space()
            .Number(rect.Width).Space().Number(rect.Height).Ascii(" re f\n");
    }

    public void Image(string name, SKRect rect, float dx, float dy)
    {
        EndText();
        Opacity(byte.MaxValue);
        bytes.Ascii("q ").Number(rect.Width).Ascii(" 0 0 ").Number(rect.Height).Space()
            .Number(rect.Left + dx).Space().Number(pageHeight - (rect.Bottom + dy)).Ascii(" cm/").Ascii(name).Ascii(" Do Q\n");
    }

    /// <summary>
    /// Shows a run's glyphs at their shaped positions. Each glyph's source text goes to the font's ToUnicode
    /// map; where a glyph already stands for other text, or a cluster's glyphs don't spell its text, the
    /// cluster is wrapped in an ActualText span so copying still gives the source.
    /// </summary>
    public void Text(GlyphRunDrawable run, float dx, float dy)
    {
        if (run.Glyphs.Length == 0 || fonts.For(run.Font) is not { } drawing)
        {
            return;
        }

        BeginText(run, drawing.Font);
        var originX = run.Origin.X + dx;
        var originY = run.Origin.Y + dy;
        var skew = -run.Font.SkewX;
        var count = run.Glyphs.Length;
        var rightToLeft = count > 1 && run.Positions[count - 1].X < run.Positions[0].X;
        var previousCluster = -1;
        for (var first = 0; first < count;)
        {
            var cluster = run.Clusters[first];
            var end = first + 1;
            while (end < count && run.Clusters[end] == cluster)
            {
                end++;
            }

            // A cluster's text runs to the next cluster in the text: the following glyphs' when clusters rise
            // (logical order), the preceding glyphs' when they fall (visual order of right-to-left text).
            var textEnd = end < count && run.Clusters[end] > cluster ? run.Clusters[end]
                : previousCluster > cluster ? previousCluster
                : run.TextEnd;
            textEnd = Math.Min(textEnd, run.TextEnd);
            previousCluster = cluster;
            var text = cluster >= run.TextStart && cluster < textEnd ? run.Text.AsSpan(cluster, textEnd - cluster) : [];
            var spelled = text.IsEmpty || MapCluster(run, drawing, first, end, text, rightToLeft);
            if (!spelled)
            {
                CloseArray();
                bytes.Ascii("/Span<</ActualText").Text(text.ToString()).Ascii(">>BDC\n");
            }

            for (var g = first; g < end; g++)
            {
                Show(drawing.Glyph(run.Glyphs[g]), originX + run.Positions[g].X, pageHeight - (originY + run.Positions[g].Y), skew);
            }

            if (!spelled)
            {
                CloseArray();
                bytes.Ascii("EMC\n");
            }

            first = end;
        }

        CloseArray();
    }

    private void BeginText(GlyphRunDrawable run, EmbeddedFont embedded)
    {
        if (!inText)
        {
            bytes.Ascii("BT\n");
            inText = true;
        }

        Fill(run.Colour);
        var mode = run.Font.Embolden ? 2 : 0;
        if (mode == 2)
        {
            // Synthetic bold as Skia draws it: the outline stroked as well as filled, a 24th of the size
            // at 9 pt down to a 32nd at 36 pt.
            Stroke(run.Colour);
            var size = run.Font.Size;
            var width = size * (size <= 9 ? 1f / 24 : size >= 36 ? 1f / 32 : (1f / 24) + ((size - 9) / 27 * ((1f / 32) - (1f / 24))));
            if (width != lineWidth)
            {
                lineWidth = width;
                bytes.Number(width).Ascii(" w\n");
            }
        }

        if (mode != renderMode)
        {
            renderMode = mode;
            bytes.Integer(mode).Ascii(" Tr\n");
        }

        if (embedded != font || run.Font.Size != fontSize)
        {
            font = embedded;
            fontSize = run.Font.Size;
            bytes.Byte((byte)'/').Ascii(embedded.ResourceName).Space().Number(fontSize).Ascii(" Tf\n");
        }
    }

    // One cluster's glyphs: true when the glyphs' ToUnicode entries spell the cluster's text.
    private static bool MapCluster(GlyphRunDrawable run, DrawingFont drawing, int first, int end, ReadOnlySpan<char> text, bool rightToLeft)
    {
        var embedded = drawing.Font;
        if (end - first == 1)
        {
            // The missing-glyph box stands for no one character: its text goes in ActualText each time.
            if (run.Glyphs[first] == 0)
            {
                return false;
            }

            // A right-to-left ligature (lam-alef) stands for its presentation form, one character, as in Skia's
            // output: a reader that reorders right-to-left text character by character can't turn it around.
            // ActualText gives the letters to readers that honour it.
            if (rightToLeft && text.Length > 1 && drawing.Face.PresentationFormsByGlyph.TryGetValue(run.Glyphs[first], out var forms))
            {
                embedded.Map(drawing.Glyph(run.Glyphs[first]), char.ConvertFromUtf32(forms[0]));
                return false;
            }

            return embedded.Map(drawing.Glyph(run.Glyphs[first]), text);
        }

        // Several glyphs for one piece of text (a base letter and its marks, a split vowel): each glyph that is
        // some character's own glyph stands for that character.
        var spelled = new System.Text.StringBuilder();
        for (var g = first; g < end; g++)
        {
            var glyph = drawing.Glyph(run.Glyphs[g]);
            for (var i = 0; i < text.Length && embedded.TextOf(glyph) is null; i++)
            {
                var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
                var codePoint = length == 2 ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
                if (run.Glyphs[g] != 0 && drawing.Face.Glyph(codePoint) == run.Glyphs[g])
                {
                    embedded.Map(glyph, text.Slice(i, length));
                }

                i += length - 1;
            }

            spelled.Append(embedded.TextOf(glyph));
        }

        return text.SequenceEqual(spelled.ToString());
    }

    private void Show(ushort glyph, double x, double y, float skew)
    {
        if (!arrayOpen || Math.Abs(y - penY) > 0.001)
        {
            CloseArray();
            bytes.Ascii("1 0 ").Number(skew).Ascii(" 1 ").Number(x).Space().Number(y).Ascii(" Tm[");
            arrayOpen = true;
            penX = x;
            penY = y;
        }
        else if (Math.Abs(x - penX) > 0.001)
        {
            // The array's numbers move the pen back by thousandths of the font size.
            if (hexOpen)
            {
                bytes.Byte((byte)'>');
                hexOpen = false;
            }

            bytes.Number(-(x - penX) * 1000 / fontSize);
        }

        if (!hexOpen)
        {
            bytes.Byte((byte)'<');
            hexOpen = true;
        }

        bytes.Hex16(glyph);
        penX = x + (font!.Widths[glyph < font.Widths.Length ? glyph : 0] * fontSize / 1000.0);
    }

    private void CloseArray()
    {
        if (hexOpen)
        {
            bytes.Byte((byte)'>');
            hexOpen = false;
        }

        if (arrayOpen)
        {
            bytes.Ascii("]TJ\n");
            arrayOpen = false;
        }
    }

    private void EndText()
    {
        CloseArray();
        if (inText)
        {
            bytes.Ascii("ET\n");
            inText = false;
        }
    }

    private void Fill(SKColor colour)
    {
        Opacity(colour.Alpha);
        if (fill != colour)
        {
            fill = colour;
            Colour(colour).Ascii(" rg\n");
        }
    }

    private void Stroke(SKColor colour)
    {
        Opacity(colour.Alpha);
        if (stroke != colour)
        {
            stroke = colour;
            Colour(colour).Ascii(" RG\n");
        }
    }

    private PdfBytes Colour(SKColor colour) =>
        bytes.Number(colour.Red / 255.0).Space().Number(colour.Green / 255.0).Space().Number(colour.Blue / 255.0);

    // Opacity applies to fill and stroke alike; layout gives one colour per drawable.
    private void Opacity(byte alpha)
    {
        if (alpha != opacity)
        {
            opacity = alpha;
            bytes.Byte((byte)'/').Ascii(resources.Opacity(alpha)).Ascii(" gs\n");
        }
    }
}
