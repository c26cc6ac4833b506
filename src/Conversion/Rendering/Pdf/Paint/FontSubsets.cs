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
        var used = new Dictionary<SKTypeface, (HashSet<ushort> Glyphs, HashSet<int> CodePoints)>();
        foreach (var run in runs)
        {
            if (!used.TryGetValue(run.Font.Typeface, out var entry))
            {
                used[run.Font.Typeface] = entry = ([], []);
            }

            entry.Glyphs.UnionWith(run.Glyphs);
            for (var i = run.TextStart; i < run.TextEnd; i++)
            {
                if (char.IsHighSurrogate(run.Text[i]) && i + 1 < run.TextEnd)
                {
                    entry.CodePoints.Add(char.ConvertToUtf32(run.Text[i], run.Text[++i]));
                }
                else if (!char.IsSurrogate(run.Text[i]))
                {
                    entry.CodePoints.Add(run.Text[i]);
                }
            }
        }

        // Typefaces in a fixed order (by file name) keep the output byte-identical across runs.
        foreach (var (typeface, (glyphs, text)) in used.OrderBy(pair => LoadedFace.Of(pair.Key)?.FileName, StringComparer.Ordinal))
        {
            if (LoadedFace.Of(typeface) is not { } face)
            {
                continue;
            }

            // The characters drawn with this face, plus presentation forms whose glyphs shaping chose; a
            // character's glyph is in the set anyway, so the unicode set adds no glyphs of its own.
            var codePoints = text.Where(c => face.Covers(c) && glyphs.Contains(face.Glyph(c)))
                .Concat(glyphs.SelectMany(g => face.PresentationFormsByGlyph.TryGetValue(g, out var forms) ? forms : []))
                .Distinct()
                .Order();
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
