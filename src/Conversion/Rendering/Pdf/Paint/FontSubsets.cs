using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// For one render: each face cut down to the glyphs the pages use (and the cmap entries of those glyphs,
/// so Skia's ToUnicode maps stay complete), glyphs renumbered into the subset, and sized fonts over it. A face HarfBuzz can't
/// subset is embedded whole.
/// </summary>
internal sealed class FontSubsets : IDisposable
{
    private readonly Dictionary<SKTypeface, (SKTypeface Subset, Dictionary<ushort, ushort> NewGlyphIds)> subsets = [];
    private readonly Dictionary<(SKTypeface, float, bool, float), SKFont> fonts = [];

    public FontSubsets(IEnumerable<GlyphRunDrawable> runs)
    {
        var used = new Dictionary<SKTypeface, HashSet<ushort>>();
        foreach (var run in runs)
        {
            if (!used.TryGetValue(run.Font.Typeface, out var glyphs))
            {
                used[run.Font.Typeface] = glyphs = [];
            }

            glyphs.UnionWith(run.Glyphs);
        }

        // Typefaces in a fixed order (by file name) keep the output byte-identical across runs.
        foreach (var (typeface, glyphs) in used.OrderBy(pair => LoadedFace.Of(pair.Key)?.FileName, StringComparer.Ordinal))
        {
            if (LoadedFace.Of(typeface) is not { } face)
            {
                continue;
            }

            var codePoints = glyphs.SelectMany(g => face.CodePointsByGlyph.TryGetValue(g, out var cps) ? cps : []).Order();
            if (HarfBuzzSubsetter.Subset(face.HarfBuzzFace, glyphs.Order(), codePoints) is not { } result)
            {
                continue;
            }

            using var data = SKData.CreateCopy(result.Font);
            if (SKTypeface.FromData(data) is { } subset)
            {
                subsets[typeface] = (subset, result.NewGlyphIds);
            }
        }
    }

    /// <summary>The glyph's ID in the subset drawn for this font (unchanged when the face is embedded whole).</summary>
    public ushort GlyphFor(SKFont original, ushort glyph) =>
        subsets.TryGetValue(original.Typeface, out var subset) && subset.NewGlyphIds.TryGetValue(glyph, out var mapped) ? mapped : glyph;

    /// <summary>The font to draw a run with: same size and synthetic styles, over the subset face.</summary>
    public SKFont FontFor(SKFont original)
    {
        if (!subsets.TryGetValue(original.Typeface, out var entry))
        {
            return original;
        }

        var subset = entry.Subset;

        var key = (original.Typeface, original.Size, original.Embolden, original.SkewX);
        if (!fonts.TryGetValue(key, out var font))
        {
            fonts[key] = font = new SKFont(subset, original.Size)
            {
                Embolden = original.Embolden,
                SkewX = original.SkewX,
                Subpixel = original.Subpixel,
                Hinting = original.Hinting,
                LinearMetrics = original.LinearMetrics,
            };
        }

        return font;
    }

    public void Dispose()
    {
        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }

        foreach (var (typeface, _) in subsets.Values)
        {
            typeface.Dispose();
        }
    }
}
