using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace PressPipeline.Conversion.Rendering.Pdf.Fonts;

/// <summary>
/// A font file loaded once: its Skia typeface (drawn and embedded by the PDF backend) and its HarfBuzz
/// shaper. Shaping with a shared HarfBuzz font is thread-safe; both live for the process.
/// </summary>
internal sealed class LoadedFace
{
    private readonly byte[] coverage = new byte[0x10000];
    private readonly SKFont probe;

    public LoadedFace(string fileName, byte[] data)
    {
        FileName = fileName;
        using var skData = SKData.CreateCopy(data);
        Typeface = SKTypeface.FromData(skData)
            ?? throw new InvalidDataException($"The font '{fileName}' in src/Templates/fonts could not be loaded.");
        Shaper = new SKShaper(Typeface);
        probe = new SKFont(Typeface, 12);
    }

    public string FileName { get; }

    public SKTypeface Typeface { get; }

    public SKShaper Shaper { get; }

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
