using System.Collections.Concurrent;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Fonts;

/// <summary>
/// Sized Skia fonts, made once per (face, size, synthetic bold/italic) for the process: the theme has a
/// handful of sizes, so the cache stays small, and fonts are only read after creation.
/// </summary>
internal static class SizedFonts
{
    private static readonly ConcurrentDictionary<(LoadedFace Face, float Size, bool Bold, bool Italic), SKFont> Cache = new();

    public static SKFont Get(LoadedFace face, float size, bool fakeBold, bool fakeItalic) =>
        Cache.GetOrAdd((face, size, fakeBold, fakeItalic), static key => new SKFont(key.Face.Typeface, key.Size)
        {
            Embolden = key.Bold,
            SkewX = key.Italic ? -0.2f : 0,
            Subpixel = true,
            Hinting = SKFontHinting.None,
            LinearMetrics = true,
        });
}
