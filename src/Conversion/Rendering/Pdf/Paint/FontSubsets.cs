using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Writer;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// For one render: each face cut down to the glyphs the pages use, glyphs renumbered into the subset, and
/// one embedded font per face. A face HarfBuzz can't subset is embedded whole. (Cutting the faces on
/// parallel threads was measured twice and gained nothing: the second core is busy with the picture and
/// the other variants.)
/// </summary>
internal sealed class FontSubsets
{
    private readonly Dictionary<SKTypeface, DrawingFont> byTypeface = [];

    // Asked once per font object, not per glyph: SKFont.Typeface is a native call plus a handle lookup under a lock.
    private readonly Dictionary<SKFont, DrawingFont> byFont = new(ReferenceEqualityComparer.Instance);

    public FontSubsets(IEnumerable<GlyphRunDrawable> runs, PdfFile file)
    {
        var used = new Dictionary<SKTypeface, UsedGlyphs>();
        var typefaces = new Dictionary<SKFont, SKTypeface>(ReferenceEqualityComparer.Instance);
        foreach (var run in runs)
        {
            if (!typefaces.TryGetValue(run.Font, out var typeface))
            {
                typefaces[run.Font] = typeface = run.Font.Typeface;
            }

            if (!used.TryGetValue(typeface, out var entry))
            {
                used[typeface] = entry = new UsedGlyphs();
            }

            entry.Add(run);
        }

        // Typefaces in a fixed order (by file name) keep the output byte-identical across runs.
        foreach (var (typeface, usedGlyphs) in used.OrderBy(pair => LoadedFace.Of(pair.Key)?.FileName, StringComparer.Ordinal))
        {
            if (LoadedFace.Of(typeface) is not { } face)
            {
                continue;
            }

            var glyphs = usedGlyphs.Glyphs();
            var name = Path.GetFileNameWithoutExtension(face.FileName);
            var resource = "F" + (byTypeface.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var subset = HarfBuzzSubsetter.Subset(face.HarfBuzzFace, glyphs);
            try
            {
                byTypeface[typeface] = new DrawingFont(
                    new EmbeddedFont(file.Allocate(), resource, name, subset?.Font ?? WholeFile(face)), subset?.NewGlyphIds, face);
            }
            catch (InvalidDataException error)
            {
                throw new InvalidDataException($"The font '{face.FileName}' in src/Templates/fonts can't be embedded in a PDF. {error.Message}", error);
            }
        }

        foreach (var (font, typeface) in typefaces)
        {
            if (byTypeface.TryGetValue(typeface, out var drawing))
            {
                byFont[font] = drawing;
            }
        }
    }

    public IEnumerable<EmbeddedFont> Fonts => byTypeface.Values.Select(d => d.Font);

    /// <summary>The embedded font a run is shown in and how its glyphs are renumbered; null for a face that is not ours.</summary>
    public DrawingFont? For(SKFont font) => byFont.GetValueOrDefault(font);

    private static byte[] WholeFile(LoadedFace face)
    {
        var bytes = new byte[face.Data.Length];
        System.Runtime.InteropServices.Marshal.Copy(face.Data.Address, bytes, 0, bytes.Length);
        return bytes;
    }
}

/// <summary>An embedded font, the renumbering of shaped glyph IDs into it (null: IDs as shaped), and the face it came from.</summary>
internal sealed record DrawingFont(EmbeddedFont Font, ushort[]? NewGlyphIds, LoadedFace Face)
{
    public ushort Glyph(ushort shaped) =>
        NewGlyphIds is { } map && shaped < map.Length ? map[shaped] : shaped;
}

/// <summary>
/// The glyph IDs one face draws, as a flat bitset over the 16-bit range: a 35-page report adds some
/// 100,000 glyphs, which a hash set made a visible share of the PDF's time.
/// </summary>
internal sealed class UsedGlyphs
{
    private readonly ulong[] glyphs = new ulong[(ushort.MaxValue + 1) / 64];

    public void Add(GlyphRunDrawable run)
    {
        foreach (var glyph in run.Glyphs)
        {
            glyphs[glyph >> 6] |= 1UL << (glyph & 63);
        }
    }

    /// <summary>Used glyph IDs, ascending.</summary>
    public List<ushort> Glyphs()
    {
        var list = new List<ushort>();
        for (var word = 0; word < glyphs.Length; word++)
        {
            var remaining = glyphs[word];
            while (remaining != 0)
            {
                list.Add((ushort)((word << 6) + System.Numerics.BitOperations.TrailingZeroCount(remaining)));
                remaining &= remaining - 1;
            }
        }

        return list;
    }
}
