using PressPipeline.Templates;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Fonts;

/// <summary>
/// A font file loaded once: its Skia typeface (for metrics and cmap lookups) and its HarfBuzz
/// shaper at the face's units per em. Shaping with a shared HarfBuzz font is thread-safe; both live for the process.
/// </summary>
internal sealed class LoadedFace
{
    private readonly byte[] coverage = new byte[0x10000];
    private readonly SKFont probe;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SKTypeface, LoadedFace> ByTypeface = new();

    private readonly Lazy<IReadOnlyDictionary<ushort, int[]>> presentationForms;

    /// <param name="fileName">The font file's name, for messages.</param>
    /// <param name="data">The file's bytes; must stay valid for the life of the process (Skia and HarfBuzz read them in place).</param>
    public LoadedFace(string fileName, NativeBytes data)
    {
        FileName = fileName;
        Data = data;
        HarfBuzzBlob = new HarfBuzzSharp.Blob(data.Address, data.Length, HarfBuzzSharp.MemoryMode.ReadOnly);

        HarfBuzzFace = new HarfBuzzSharp.Face(HarfBuzzBlob, 0);
        presentationForms = new Lazy<IReadOnlyDictionary<ushort, int[]>>(BuildPresentationFormMap);
        using var skData = SKData.Create(data.Address, data.Length);
        Typeface = SKTypeface.FromData(skData)
            ?? throw new InvalidDataException($"The font '{fileName}' in src/Templates/fonts could not be loaded.");
        Shaper = new FaceShaper(HarfBuzzFace);
        probe = new SKFont(Typeface, 12);
        ByTypeface[Typeface] = this;
    }

    /// <summary>The font file's bytes, for embedding it whole when it can't be subset.</summary>
    public NativeBytes Data { get; }

    /// <summary>The HarfBuzz face over the same bytes, for subsetting.</summary>
    public HarfBuzzSharp.Face HarfBuzzFace { get; }

    private HarfBuzzSharp.Blob HarfBuzzBlob { get; }

    /// <summary>Presentation-form code points by glyph (for the ToUnicode entries of right-to-left ligatures).</summary>
    public IReadOnlyDictionary<ushort, int[]> PresentationFormsByGlyph => presentationForms.Value;

    /// <summary>The loaded face a typeface came from, if it is one of ours.</summary>
    public static LoadedFace? Of(SKTypeface typeface) => ByTypeface.TryGetValue(typeface, out var face) ? face : null;

    // Presentation forms (Latin ligatures, Arabic contextual forms) are glyphs shaping produces without the
    // text naming them; a right-to-left ligature's ToUnicode entry is its presentation form (see PageContent).
    // A small, fixed range per face.
    private Dictionary<ushort, int[]> BuildPresentationFormMap()
    {
        var codePoints = Enumerable.Range(0xFB00, 0xFE00 - 0xFB00).Concat(Enumerable.Range(0xFE70, 0xFF00 - 0xFE70)).ToArray();
        var glyphs = new ushort[codePoints.Length];
        probe.GetGlyphs(codePoints, glyphs);
        var map = new Dictionary<ushort, List<int>>();
        for (var i = 0; i < codePoints.Length; i++)
        {
            if (glyphs[i] == 0)
            {
                continue;
            }

            if (!map.TryGetValue(glyphs[i], out var list))
            {
                map[glyphs[i]] = list = [];
            }

            list.Add(codePoints[i]);
        }

        return map.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
    }

    public string FileName { get; }

    public SKTypeface Typeface { get; }

    public FaceShaper Shaper { get; }

    /// <summary>The glyph for a code point (0 when missing).</summary>
    public ushort Glyph(int codePoint) => probe.GetGlyph(codePoint);

    /// <summary>Whether the face has a glyph for the code point; cached for the BMP (benign races only).</summary>
    public bool Covers(int codePoint)
    {
        if (codePoint >= coverage.Length)
        {
            return probe.ContainsGlyph(codePoint);
        }

        var known = coverage[codePoint];
        if (known == 0)
        {
            known = probe.ContainsGlyph(codePoint) ? (byte)1 : (byte)2;
            coverage[codePoint] = known;
        }

        return known == 1;
    }
}
