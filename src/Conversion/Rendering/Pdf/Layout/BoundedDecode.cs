using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// Decodes a picture no larger than the page needs. JPEG and WebP decode natively at a smaller scale, so a large
/// photo is never held at full size; other formats (PNG, GIF, BMP) have no scaled decode in Skia (nor row-by-row
/// decoding for PNG: StartScanlineDecode answers Unimplemented), so they are decoded whole only up to
/// <see cref="PixelBudget.WholeDecode"/> pixels and then resized. <see cref="PixelBudget"/> keeps larger ones out.
/// </summary>
internal static class BoundedDecode
{
    /// <summary>The picture as unpremultiplied RGBA, its longest side at most <paramref name="maxSide"/>; null when it can't be decoded within bounds.</summary>
    public static SKBitmap? Decode(SKCodec codec, int maxSide)
    {
        var full = codec.Info.Size;
        var scale = Math.Min(1f, (float)maxSide / Math.Max(full.Width, full.Height));
        if (scale >= 1f)
        {
            return DecodeAt(codec, full);
        }

        var target = new SKSizeI(Math.Max(1, (int)(full.Width * scale)), Math.Max(1, (int)(full.Height * scale)));
        var native = codec.GetScaledDimensions(scale);
        var scaled = native.Width < full.Width;
        if (!scaled && (long)full.Width * full.Height > PixelBudget.WholeDecode)
        {
            return null; // Kept out by the budget before it gets here; never decoded whole past it.
        }

        var decoded = DecodeAt(codec, scaled ? native : full);
        return decoded is null || decoded.Width <= target.Width ? decoded : Shrink(decoded, target);
    }

    private static SKBitmap? DecodeAt(SKCodec codec, SKSizeI size)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    private static SKBitmap Shrink(SKBitmap source, SKSizeI target)
    {
        using (source)
        {
            return source.Resize(new SKImageInfo(target.Width, target.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
                ?? throw new InvalidOperationException("Skia could not resize a decoded picture.");
        }
    }
}
