namespace PressPipeline.Conversion.Docx;

/// <summary>What a picture's bytes say it is: the extension and content type it is published under.</summary>
/// <param name="Extension">File extension, without the dot.</param>
/// <param name="ContentType">The content type the newsroom and signed links serve it with.</param>
/// <param name="Raster">Pixels, which browsers show and cannot run; metafiles are drawings, kept out.</param>
internal sealed record SniffedImage(string Extension, string ContentType, bool Raster);

/// <summary>
/// Tells a picture's format from its first bytes, never from the content type or name the package gives it: a
/// hostile package can label an HTML page or a scripted SVG as an image, and whatever the newsroom serves under its
/// own name must be what it claims. Only formats listed here are recognised; anything else is not a picture.
/// </summary>
internal static class ImageSniffer
{
    public static SniffedImage? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new("png", "image/png", true);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return new("jpg", "image/jpeg", true);
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return new("gif", "image/gif", true);
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return new("webp", "image/webp", true);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x49, 0x49, 0x2A, 0x00]) || data.StartsWith((ReadOnlySpan<byte>)[0x4D, 0x4D, 0x00, 0x2A]))
        {
            return new("tiff", "image/tiff", true);
        }

        // BMP: "BM", then a header size at offset 14 that is one of the DIB header sizes Windows writes.
        if (data.Length >= 18 && data.StartsWith("BM"u8) && BitConverter.ToInt32(data[14..18]) is 12 or 40 or 52 or 56 or 64 or 108 or 124)
        {
            return new("bmp", "image/bmp", true);
        }

        // EMF: record type 1 (EMR_HEADER), then the " EMF" signature at offset 40.
        if (data.Length >= 44 && data.StartsWith((ReadOnlySpan<byte>)[0x01, 0x00, 0x00, 0x00]) && data[40..44].SequenceEqual(" EMF"u8))
        {
            return new("emf", "image/x-emf", false);
        }

        // WMF: the placeable header's key, or a plain header (type 1 or 2, header size 9 words).
        if (data.StartsWith((ReadOnlySpan<byte>)[0xD7, 0xCD, 0xC6, 0x9A])
            || data.StartsWith((ReadOnlySpan<byte>)[0x01, 0x00, 0x09, 0x00]) || data.StartsWith((ReadOnlySpan<byte>)[0x02, 0x00, 0x09, 0x00]))
        {
            return new("wmf", "image/x-wmf", false);
        }

        return null;
    }
}
