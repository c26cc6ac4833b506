using System.Buffers.Binary;
using System.Text;

namespace PressPipeline.Pipeline.Assets;

/// <summary>
/// Takes the GPS position out of a JPEG photo without re-encoding it: in the EXIF (APP1) segment the GPSInfo
/// entry (tag 0x8825) is removed from IFD0 and the GPS directory and its values are overwritten with zeros, in
/// place, so every other byte — the picture data, the Orientation tag, the thumbnail — stays where it was and the
/// segment keeps its length (no offset anywhere needs rewriting). An XMP segment that carries exif:GPS… properties
/// is dropped whole. A photo without EXIF or without GPS comes back unchanged.
/// Why not a library: MetadataExtractor (served here) only reads; SkiaSharp (already used for the PDF) can only
/// re-encode, which loses quality and EXIF; TagLibSharp rewrites the whole file and is LGPL.
/// </summary>
public static class JpegLocationRemover
{
    private const ushort GpsInfoTag = 0x8825;
    private static readonly byte[] ExifHeader = "Exif\0\0"u8.ToArray();
    private static readonly byte[] XmpHeader = Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0");

    /// <summary>The photo without its position; <paramref name="removed"/> is true when there was one.</summary>
    public static byte[] Remove(ReadOnlySpan<byte> jpeg, out bool removed)
    {
        removed = false;
        var output = new List<byte>(jpeg.Length);
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return jpeg.ToArray();
        }

        output.AddRange(jpeg[..2]);
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            if (marker == 0xDA || marker == 0xD9)
            {
                break; // Start of scan (or end): the rest is picture data, copied as it is.
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (length < 2 || at + 2 + length > jpeg.Length)
            {
                return jpeg.ToArray(); // Malformed: leave it to the reader; we never make it worse.
            }

            var segment = jpeg.Slice(at, 2 + length).ToArray();
            var payload = segment.AsSpan(4);
            if (marker == 0xE1 && payload.StartsWith(ExifHeader))
            {
                removed |= ClearGps(payload[ExifHeader.Length..]);
            }
            else if (marker == 0xE1 && payload.StartsWith(XmpHeader) && Encoding.UTF8.GetString(payload).Contains("exif:GPS", StringComparison.Ordinal))
            {
                removed = true;
                at += 2 + length;
                continue;
            }

            output.AddRange(segment);
            at += 2 + length;
        }

        output.AddRange(jpeg[at..]);
        return [.. output];
    }

    /// <summary>Removes the GPSInfo entry of IFD0 and zeroes the GPS directory; true when there was one.</summary>
    private static bool ClearGps(Span<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return false;
        }

        var little = tiff[0] == (byte)'I' && tiff[1] == (byte)'I';
        if (!little && !(tiff[0] == (byte)'M' && tiff[1] == (byte)'M'))
        {
            return false;
        }

        var ifd0 = (int)U32(tiff, 4, little);
        if (ifd0 < 8 || ifd0 + 2 > tiff.Length)
        {
            return false;
        }

        int count = U16(tiff, ifd0, little);
        var entries = ifd0 + 2;
        if (entries + (count * 12) + 4 > tiff.Length)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var entry = entries + (i * 12);
            if (U16(tiff, entry, little) != GpsInfoTag)
            {
                continue;
            }

            var gps = (int)U32(tiff, entry + 8, little);
            ZeroDirectory(tiff, gps, little);

            // Shift the later entries and the next-IFD offset down by one entry; the freed 12 bytes become zeros.
            var end = entries + (count * 12) + 4;
            tiff[(entry + 12)..end].CopyTo(tiff[entry..]);
            tiff[(end - 12)..end].Clear();
            Write16(tiff, ifd0, (ushort)(count - 1), little);
            return true;
        }

        return false;
    }

    /// <summary>Overwrites a directory and the values it points to (latitude, longitude, altitude, time…).</summary>
    private static void ZeroDirectory(Span<byte> tiff, int at, bool little)
    {
        if (at < 8 || at + 2 > tiff.Length)
        {
            return;
        }

        int count = U16(tiff, at, little);
        var size = 2 + (count * 12) + 4;
        if (at + size > tiff.Length)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            var entry = at + 2 + (i * 12);
            var bytes = (long)TypeSize(U16(tiff, entry + 2, little)) * U32(tiff, entry + 4, little);
            if (bytes > 4)
            {
                var offset = U32(tiff, entry + 8, little);
                if (offset >= 8 && offset + bytes <= tiff.Length)
                {
                    tiff.Slice((int)offset, (int)bytes).Clear();
                }
            }
        }

        tiff.Slice(at, size).Clear();
    }

    private static int TypeSize(ushort type) => type switch
    {
        1 or 2 or 6 or 7 => 1,
        3 or 8 => 2,
        4 or 9 or 11 => 4,
        5 or 10 or 12 => 8,
        _ => 1,
    };

    private static ushort U16(Span<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static uint U32(Span<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);

    private static void Write16(Span<byte> b, int at, ushort value, bool little)
    {
        if (little)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b[at..], value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(b[at..], value);
        }
    }
}
