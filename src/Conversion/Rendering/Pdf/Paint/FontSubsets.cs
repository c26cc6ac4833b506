using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// For one render: each face cut down to the glyphs the pages use (and the cmap entries of those glyphs,
/// so Skia's ToUnicode maps stay complete), glyphs renumbered into the subset, and sized fonts over it. A face HarfBuzz can't
/// subset is embedded whole. (Cutting the faces on parallel threads was measured twice and gained nothing:
/// the second core is busy with the picture and the other variants.)
/// </summary>
internal sealed class FontSubsets : IDisposable
{
    private readonly Dictionary<SKTypeface, (SKTypeface Subset, ushort[] NewGlyphIds)> subsets = [];
    private readonly Dictionary<(SKTypeface, float, bool, float), SKFont> fonts = [];

    // Asked once per font object, not per glyph: SKFont.Typeface is a native call plus a handle lookup under a lock.
    private readonly Dictionary<SKFont, SKTypeface> typefaces = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SKFont, DrawingFont> drawing = new(ReferenceEqualityComparer.Instance);

    public FontSubsets(IEnumerable<GlyphRunDrawable> runs)
    {
        var used = new Dictionary<SKTypeface, UsedCharacters>();
        foreach (var run in runs)
        {
            var typeface = TypefaceOf(run.Font);
            if (!used.TryGetValue(typeface, out var entry))
            {
                used[typeface] = entry = new UsedCharacters();
            }

            entry.Add(run);
        }

        // Typefaces in a fixed order (by file name) keep the output byte-identical across runs.
        foreach (var (typeface, characters) in used.OrderBy(pair => LoadedFace.Of(pair.Key)?.FileName, StringComparer.Ordinal))
        {
            if (LoadedFace.Of(typeface) is not { } face)
            {
                continue;
            }

            // The characters drawn with this face, plus presentation forms whose glyphs shaping chose; a
            // character's glyph is in the set anyway, so the unicode set adds no glyphs of its own.
            var glyphs = characters.Glyphs();
            var codePoints = characters.CodePoints().Where(c => face.Covers(c) && characters.HasGlyph(face.Glyph(c)))
                .Concat(glyphs.SelectMany(g => face.PresentationFormsByGlyph.TryGetValue(g, out var forms) ? forms : []))
                .Distinct()
                .Order();
            if (HarfBuzzSubsetter.Subset(face.HarfBuzzFace, glyphs, codePoints) is not { } result)
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

    /// <summary>
    /// The font to draw a run with (same size and synthetic styles, over the subset face) and how to
    /// renumber its glyphs: the new ID by the old, or null when the face is embedded whole.
    /// </summary>
    public DrawingFont For(SKFont original)
    {
        if (!drawing.TryGetValue(original, out var result))
        {
            var typeface = TypefaceOf(original);
            drawing[original] = result = subsets.TryGetValue(typeface, out var entry)
                ? new DrawingFont(SizedOver(entry.Subset, typeface, original), entry.NewGlyphIds)
                : new DrawingFont(original, null);
        }

        return result;
    }

    private SKTypeface TypefaceOf(SKFont font)
    {
        if (!typefaces.TryGetValue(font, out var typeface))
        {
            typefaces[font] = typeface = font.Typeface;
        }

        return typeface;
    }

    private SKFont SizedOver(SKTypeface subset, SKTypeface original, SKFont like)
    {
        var key = (original, like.Size, like.Embolden, like.SkewX);
        if (!fonts.TryGetValue(key, out var font))
        {
            fonts[key] = font = new SKFont(subset, like.Size)
            {
                Embolden = like.Embolden,
                SkewX = like.SkewX,
                Subpixel = like.Subpixel,
                Hinting = like.Hinting,
                LinearMetrics = like.LinearMetrics,
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

/// <summary>A font to draw with and the glyph renumbering into it (null: draw the glyph IDs as shaped).</summary>
internal sealed record DrawingFont(SKFont Font, ushort[]? NewGlyphIds)
{
    public ushort Glyph(ushort shaped) =>
        NewGlyphIds is { } map && shaped < map.Length ? map[shaped] : shaped;
}

/// <summary>
/// The glyph IDs and characters one face draws. Flat bitsets over the 16-bit ranges: a 35-page report adds
/// some 100,000 characters, which hash sets made a tenth of the PDF's time (and bool arrays cost a
/// 128 KB clear per face per render).
/// </summary>
internal sealed class UsedCharacters
{
    private readonly ulong[] glyphs = new ulong[(ushort.MaxValue + 1) / 64];
    private readonly ulong[] basic = new ulong[(char.MaxValue + 1) / 64];
    private readonly HashSet<int> supplementary = [];

    public void Add(GlyphRunDrawable run)
    {
        foreach (var glyph in run.Glyphs)
        {
            Set(glyphs, glyph);
        }

        var text = run.Text;
        for (var i = run.TextStart; i < run.TextEnd; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < run.TextEnd)
            {
                supplementary.Add(char.ConvertToUtf32(text[i], text[++i]));
            }
            else if (!char.IsSurrogate(text[i]))
            {
                Set(basic, text[i]);
            }
        }
    }

    public bool HasGlyph(ushort glyph) => (glyphs[glyph >> 6] & (1UL << (glyph & 63))) != 0;

    /// <summary>Used glyph IDs, ascending.</summary>
    public List<ushort> Glyphs() => [.. Members(glyphs).Select(g => (ushort)g)];

    /// <summary>Used code points, ascending.</summary>
    public IEnumerable<int> CodePoints() => Members(basic).Concat(supplementary.Order());

    private static void Set(ulong[] bits, int value) => bits[value >> 6] |= 1UL << (value & 63);

    private static IEnumerable<int> Members(ulong[] bits)
    {
        for (var word = 0; word < bits.Length; word++)
        {
            var remaining = bits[word];
            while (remaining != 0)
            {
                yield return (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(remaining);
                remaining &= remaining - 1;
            }
        }
    }
}
