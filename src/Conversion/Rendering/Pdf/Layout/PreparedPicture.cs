using System.Runtime.InteropServices;
using PressPipeline.Conversion.Rendering.Pdf.Writer;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// One picture made ready for the PDF on a worker thread while the text is laid out. Layout needs only
/// the pixel size, read from the header at once; the painter waits for <see cref="Image"/>. A grey or
/// colour JPEG passes through untouched (PDF readers decode JPEG themselves); other opaque pictures are
/// encoded as JPEG at <see cref="PdfRenderer.JpegQuality"/>, and a picture with transparency keeps
/// lossless samples and its alpha as a soft mask. Pixels are never decoded at full size when the page needs
/// fewer (<see cref="PixelBudget.MaxDecodedSide"/>): see <see cref="BoundedDecode"/> and <see cref="PixelBudget"/>.
/// The encoded bytes are the model's own (not a copy), and a layout made for page images only
/// (<see cref="PdfPageImages"/>) prepares nothing for the PDF: a kept layout of a release full of photos holds
/// each photo once.
/// </summary>
internal sealed class PreparedPicture : IDisposable
{
    /// <summary>At most this many pictures are decoded at once, whatever the number of renders or pictures.</summary>
    private static readonly SemaphoreSlim Decoding = new(Math.Max(1, Environment.ProcessorCount));

    private readonly Task<PdfImage?> preparing;
    private readonly ReadOnlyMemory<byte> encoded;

    private PreparedPicture(ReadOnlyMemory<byte> encoded, SKSizeI pixelSize, SKEncodedImageFormat format, int jpegQuality, bool forPdf)
    {
        this.encoded = encoded;
        PixelSize = pixelSize;
        ForPdf = forPdf;
        var components = format == SKEncodedImageFormat.Jpeg ? PdfImage.JpegComponents(encoded.Span) : null;
        PassesThrough = components is 1 or 3;
        preparing = !forPdf ? Task.FromResult<PdfImage?>(null)
            : PassesThrough
            ? Task.FromResult<PdfImage?>(new PdfImage(pixelSize.Width, pixelSize.Height,
                components == 1 ? "DeviceGray" : "DeviceRGB", "DCTDecode", WholeArray(encoded), null))
            : Task.Run(() => EncodeOneAtATime(encoded, jpegQuality));
    }

    /// <summary>Whether the PDF embeds the encoded bytes as they are (a grey or colour JPEG) rather than ones made from its pixels.</summary>
    public bool PassesThrough { get; }

    /// <summary>Bytes of the encoded picture (the model's, shared; a passed-through JPEG embeds them as they are).</summary>
    public long EncodedBytes => encoded.Length;

    /// <summary>Whether <see cref="Image"/> is being made: false for a layout that only paints page images.</summary>
    public bool ForPdf { get; }

    /// <summary>Width and height in pixels, from the picture's header.</summary>
    public SKSizeI PixelSize { get; }

    /// <summary>
    /// The picture as the PDF embeds it, or null when its pixels turned out to be unreadable past the header (or it
    /// was not prepared for a PDF: <see cref="ForPdf"/>).
    /// </summary>
    public PdfImage? Image => preparing.GetAwaiter().GetResult();

    /// <summary>Reads the header and starts preparing the pixels; null when Skia does not know the format.</summary>
    public static PreparedPicture? Start(ReadOnlyMemory<byte> encoded, int jpegQuality) =>
        Start(encoded, jpegQuality, new PixelBudget(), forPdf: true, out _);

    /// <summary>
    /// Reads the header and starts preparing the pixels; null when Skia does not know the format, or when the
    /// picture does not fit the budget (then <paramref name="refusal"/> says why, as the end of a sentence).
    /// </summary>
    /// <param name="encoded">The picture's bytes, kept (not copied): the caller does not change them afterwards.</param>
    /// <param name="forPdf">False when only page images are painted: nothing is encoded for the PDF.</param>
    public static PreparedPicture? Start(ReadOnlyMemory<byte> encoded, int jpegQuality, PixelBudget budget, bool forPdf, out string? refusal)
    {
        refusal = null;
        if (encoded.IsEmpty)
        {
            return null;
        }

        using var data = SKData.CreateCopy(encoded.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return null;
        }

        var passesThrough = codec.EncodedFormat == SKEncodedImageFormat.Jpeg && PdfImage.JpegComponents(encoded.Span) is 1 or 3;
        if (!passesThrough && !budget.TryTake(codec.Info.Width, codec.Info.Height, DecodesScaled(codec), out refusal))
        {
            return null;
        }

        return new PreparedPicture(encoded, codec.Info.Size, codec.EncodedFormat, jpegQuality, forPdf);
    }

    /// <summary>
    /// The picture's pixels for a page image (<see cref="Paint.RasterPainter"/>), decoded within the same bounds as for
    /// the PDF; null when they can't be read, as the PDF then leaves the gap too.
    /// </summary>
    public SKImage? DecodeForRaster()
    {
        using var data = SKData.CreateCopy(encoded.Span);
        using var codec = SKCodec.Create(data);
        using var bitmap = codec is null ? null : BoundedDecode.Decode(codec, PixelBudget.MaxDecodedSide);
        return bitmap is null ? null : SKImage.FromBitmap(bitmap);
    }

    /// <summary>Whether Skia can decode this picture at a smaller scale than its own (JPEG and WebP can).</summary>
    private static bool DecodesScaled(SKCodec codec) =>
        codec.GetScaledDimensions(0.5f).Width < codec.Info.Width;

    public void Dispose()
    {
        // The worker may still be encoding if layout failed part-way; let it finish rather than leave it running
        // past the render. A worker that failed has already surfaced its exception through Image, or never mattered.
        ((IAsyncResult)preparing).AsyncWaitHandle.WaitOne();
    }

    // The PDF writer takes arrays: the model's own when the memory is a whole one (as the reader makes it), else a copy.
    private static byte[] WholeArray(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length
            ? array
            : memory.ToArray();

    private static PdfImage? EncodeOneAtATime(ReadOnlyMemory<byte> encoded, int jpegQuality)
    {
        Decoding.Wait();
        try
        {
            return Encode(encoded, jpegQuality);
        }
        finally
        {
            Decoding.Release();
        }
    }

    private static PdfImage? Encode(ReadOnlyMemory<byte> encoded, int jpegQuality)
    {
        using var data = SKData.CreateCopy(encoded.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        using var bitmap = BoundedDecode.Decode(codec, PixelBudget.MaxDecodedSide);
        if (bitmap is null)
        {
            return null;
        }

        var info = bitmap.Info;
        using var pixels = bitmap.PeekPixels();
        var rgba = pixels.GetPixelSpan();
        if (IsOpaque(rgba))
        {
            using var jpeg = pixels.Encode(new SKJpegEncoderOptions(jpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
            if (jpeg is not null)
            {
                return new PdfImage(info.Width, info.Height, "DeviceRGB", "DCTDecode", jpeg.ToArray(), null);
            }
        }

        var colour = new byte[info.Width * info.Height * 3];
        var alpha = new byte[info.Width * info.Height];
        for (int pixel = 0, source = 0; pixel < alpha.Length; pixel++, source += 4)
        {
            colour[pixel * 3] = rgba[source];
            colour[(pixel * 3) + 1] = rgba[source + 1];
            colour[(pixel * 3) + 2] = rgba[source + 2];
            alpha[pixel] = rgba[source + 3];
        }

        return new PdfImage(info.Width, info.Height, "DeviceRGB", "FlateDecode", PdfFile.Deflate(colour),
            IsOpaque(rgba) ? null : PdfFile.Deflate(alpha));
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
