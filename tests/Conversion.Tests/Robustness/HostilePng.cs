using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PressPipeline.Conversion.Tests.Robustness;

/// <summary>
/// Writes PNG files byte by byte, so a test can make the hostile ones no encoder would: a 20000×20000 1-bit
/// picture that is 30 KB on disk and 1.6 GB as RGBA, or a large picture of one colour.
/// </summary>
internal static class HostilePng
{
    /// <summary>A black 1-bit greyscale picture (colour type 0, depth 1).</summary>
    public static byte[] OneBit(int width, int height) => Write(width, height, bitDepth: 1, colourType: 0, bytesPerRow: (width + 7) / 8, fill: 0);

    /// <summary>An opaque picture of one colour, 8-bit RGBA (colour type 6).</summary>
    public static byte[] Rgba(int width, int height, byte r, byte g, byte b) =>
        Write(width, height, bitDepth: 8, colourType: 6, bytesPerRow: width * 4, fill: 0, pixel: [r, g, b, 255]);

    private static byte[] Write(int width, int height, byte bitDepth, byte colourType, int bytesPerRow, byte fill, byte[]? pixel = null)
    {
        var row = new byte[bytesPerRow + 1]; // filter byte 0 (none), then the samples
        Array.Fill(row, fill, 1, bytesPerRow);
        if (pixel is not null)
        {
            for (var i = 1; i < row.Length; i += pixel.Length)
            {
                pixel.CopyTo(row, i);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colourType;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
