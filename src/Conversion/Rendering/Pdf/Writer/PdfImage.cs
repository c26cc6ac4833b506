namespace PressPipeline.Conversion.Rendering.Pdf.Writer;

/// <summary>
/// A picture encoded as a PDF image XObject wants it: <paramref name="Data"/> already compressed under
/// <paramref name="Filter"/> (a JPEG's own bytes under DCTDecode, or deflated samples), and for a picture
/// with transparency its alpha channel, deflated, as a soft mask.
/// </summary>
internal sealed record PdfImage(int Width, int Height, string ColourSpace, string Filter, byte[] Data, byte[]? SoftMask)
{
    public void Write(PdfFile file, int number)
    {
        int? mask = SoftMask is null ? null : file.Allocate();
        file.Stream(number, Data, Filter, d =>
        {
            d.Ascii("/Type/XObject/Subtype/Image/Width ").Integer(Width).Ascii("/Height ").Integer(Height)
                .Ascii("/ColorSpace/").Ascii(ColourSpace).Ascii("/BitsPerComponent 8");
            if (mask is { } m)
            {
                d.Ascii("/SMask").Reference(m);
            }
        });

        if (mask is { } maskNumber && SoftMask is { } alpha)
        {
            file.Stream(maskNumber, alpha, "FlateDecode", d => d.Ascii("/Type/XObject/Subtype/Image/Width ").Integer(Width)
                .Ascii("/Height ").Integer(Height).Ascii("/ColorSpace/DeviceGray/BitsPerComponent 8"));
        }
    }

    /// <summary>
    /// The colour components a baseline or progressive JPEG declares in its frame header (1: grey, 3: colour,
    /// 4: CMYK), or null when no frame header is found.
    /// </summary>
    public static int? JpegComponents(ReadOnlySpan<byte> jpeg)
    {
        var at = 2;
        while (at + 9 < jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return null;
            }

            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            // Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return jpeg[at + 9];
            }

            if (marker is 0xD8 or (>= 0xD0 and <= 0xD7) or 0x01)
            {
                at += 2;
                continue;
            }

            at += 2 + ((jpeg[at + 2] << 8) | jpeg[at + 3]);
        }

        return null;
    }
}
