using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// One picture made ready for Skia's PDF writer on a worker thread while the text is laid out.
/// Left to itself, Skia decodes a PNG when the page is painted and re-encodes it there (as JPEG when
/// it is opaque, deflated otherwise) — on the sample that costs as much as laying out all its text.
/// Layout needs only the pixel size, read from the header at once; the painter waits for
/// <see cref="Image"/>. JPEGs pass through untouched; opaque pictures in other formats are encoded as
/// JPEG at <see cref="PdfRenderer.JpegQuality"/>, which is what Skia would do with them, so the page looks the same.
/// </summary>
internal sealed class PreparedPicture : IDisposable
{
    private readonly SKData data;
    private readonly Task<SKImage?> preparing;

    private PreparedPicture(SKData data, SKSizeI pixelSize, SKEncodedImageFormat format, int jpegQuality)
    {
        this.data = data;
        PixelSize = pixelSize;
        preparing = format == SKEncodedImageFormat.Jpeg
            ? Task.FromResult<SKImage?>(SKImage.FromEncodedData(data))
            : Task.Run(() => Reencode(data, jpegQuality));
    }

    /// <summary>Width and height in pixels, from the picture's header.</summary>
    public SKSizeI PixelSize { get; }

    /// <summary>The image to draw, or null when its pixels turned out to be unreadable past the header.</summary>
    public SKImage? Image => preparing.GetAwaiter().GetResult();

    /// <summary>Reads the header and starts preparing the pixels; null when Skia does not know the format.</summary>
    public static PreparedPicture? Start(ReadOnlySpan<byte> encoded, int jpegQuality)
    {
        if (encoded.IsEmpty)
        {
            return null;
        }

        var data = SKData.CreateCopy(encoded);
        using (var codec = SKCodec.Create(data))
        {
            if (codec is not null && codec.Info.Width > 0 && codec.Info.Height > 0)
            {
                return new PreparedPicture(data, codec.Info.Size, codec.EncodedFormat, jpegQuality);
            }
        }

        data.Dispose();
        return null;
    }

    public void Dispose()
    {
        // The worker may still be encoding if layout failed part-way; let it finish before freeing what it
        // reads. A worker that failed has already surfaced its exception through Image, or never mattered.
        ((IAsyncResult)preparing).AsyncWaitHandle.WaitOne();
        if (preparing.IsCompletedSuccessfully)
        {
            preparing.Result?.Dispose();
        }

        data.Dispose();
    }

    private static SKImage? Reencode(SKData encoded, int jpegQuality)
    {
        using var codec = SKCodec.Create(encoded);
        if (codec is null)
        {
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            return null;
        }

        using var pixels = bitmap.PeekPixels();
        if (!IsOpaque(pixels.GetPixelSpan()))
        {
            // Transparency needs a soft mask, which only Skia's own deflate path writes; hand it decoded pixels.
            return SKImage.FromPixelCopy(pixels);
        }

        using var jpeg = pixels.Encode(new SKJpegEncoderOptions(jpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return jpeg is null ? SKImage.FromPixelCopy(pixels) : SKImage.FromEncodedData(jpeg);
    }

    private static bool IsOpaque(ReadOnlySpan<byte> rgba)
    {
        for (var alpha = 3; alpha < rgba.Length; alpha += 4)
        {
            if (rgba[alpha] != byte.MaxValue)
            {
                return false;
            }
        }

        return true;
    }
}
