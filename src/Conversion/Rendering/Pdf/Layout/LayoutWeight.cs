namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// About how many bytes a laid-out release keeps while it lives, counted from what it holds rather than measured
/// (a cache has to weigh an entry when it adds it, and a forced GC per entry would cost more than the layout). The
/// figures per glyph, drawable and item were fitted to what a forced full GC finds for three long documents and
/// checked on four others (docs/benchmarks.md, "Console PDF layout cache memory", where `layout-memory` prints the
/// estimate beside the measurement).
/// <list type="bullet">
/// <item>Pictures: the model's encoded bytes (the prepared picture shares them), and for a layout made for the PDF a
/// picture that is not a plain JPEG is also encoded again from its pixels (counted as its encoded size again). Decoded
/// pixels are not kept: a page image decodes its pictures while it paints and frees them.</item>
/// <item>Text: per glyph, per drawable and per placed item, as below; the model's text is folded into them.</item>
/// </list>
/// The native side of a layout is one HarfBuzz buffer (a few KB): fonts and sized Skia fonts are shared by every
/// render of the process and are not counted.
/// </summary>
internal static class LayoutWeight
{
    /// <summary>Per glyph drawn: its glyph ID, position and cluster in the run (2 + 8 + 4 bytes) and a share of the text.</summary>
    private const long PerGlyph = 16;

    /// <summary>Per drawable: the record, its arrays' headers, and the model and shaping objects behind it.</summary>
    private const long PerDrawable = 320;

    /// <summary>Per flow item on a page: the item, its drawable list, its place on the page.</summary>
    private const long PerItem = 288;

    /// <summary>The context, styles, shaper and its native buffer, the page list.</summary>
    private const long Fixed = 16 * 1024;

    /// <summary>What the layout holds, counted, and its estimated bytes.</summary>
    public static LayoutTally Of(LaidOutRelease laidOut)
    {
        var pictures = laidOut.Layout.Release.Images.Sum(i => (long)i.Data.Length);
        foreach (var picture in laidOut.Layout.PreparedPictures)
        {
            pictures += picture.ForPdf && !picture.PassesThrough ? picture.EncodedBytes : 0;
        }

        long glyphs = 0, drawables = 0, items = 0;
        foreach (var page in laidOut.Pages)
        {
            foreach (var placed in page.Items)
            {
                items++;
                foreach (var drawable in placed.Item.Drawables)
                {
                    drawables++;
                    glyphs += drawable is GlyphRunDrawable run ? run.Glyphs.Length : 0;
                }
            }
        }

        return new LayoutTally(pictures, glyphs, drawables, items, Fixed + pictures + (glyphs * PerGlyph) + (drawables * PerDrawable) + (items * PerItem));
    }
}

/// <summary>A layout's pictures (bytes), glyphs, drawables and placed items, and the bytes estimated from them.</summary>
internal sealed record LayoutTally(long PictureBytes, long Glyphs, long Drawables, long Items, long EstimatedBytes);
