using System.Buffers.Binary;
using System.Text;

namespace PressPipeline.Conversion.Rendering.Pdf.Writer;

/// <summary>
/// The sRGB ICC profile (version 2.1, display class) the PDF/A output intent carries: the sRGB primaries
/// adapted to D50 and the sRGB tone curve as a 1,024-point table. Built here from the published
/// constants (IEC 61966-2-1), so no profile file is shipped or downloaded; the same bytes every time.
/// </summary>
internal static class SrgbProfile
{
    public const string Description = "sRGB IEC61966-2.1";

    private static readonly Lazy<byte[]> Bytes = new(Build);

    public static byte[] Data => Bytes.Value;

    private static byte[] Build()
    {
        var tags = new List<(string Signature, byte[] Data)>
        {
            ("desc", TextDescription(Description)),
            ("cprt", Text("No copyright, use freely")),
            ("wtpt", Xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", Xyz(0.4360747, 0.2225045, 0.0139322)),
            ("gXYZ", Xyz(0.3850649, 0.7168786, 0.0971045)),
            ("bXYZ", Xyz(0.1430804, 0.0606169, 0.7141733)),
        };
        var curve = ToneCurve();
        string[] curveTags = ["rTRC", "gTRC", "bTRC"];

        var tableSize = 4 + ((tags.Count + curveTags.Length) * 12);
        var offset = 128 + tableSize;
        var entries = new List<(string Signature, int Offset, int Size)>();
        var body = new MemoryStream();
        foreach (var (signature, data) in tags)
        {
            entries.Add((signature, offset + (int)body.Length, data.Length));
            body.Write(data);
            Pad(body);
        }

        // The three channels share one curve: the tag table may point several tags at the same data.
        var curveAt = offset + (int)body.Length;
        body.Write(curve);
        Pad(body);
        entries.AddRange(curveTags.Select(signature => (signature, curveAt, curve.Length)));

        var profile = new byte[offset + body.Length];
        var span = profile.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)profile.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 0x02100000);
        Ascii(span[12..], "mntr");
        Ascii(span[16..], "RGB ");
        Ascii(span[20..], "XYZ ");
        ushort[] date = [2026, 1, 1, 0, 0, 0];
        for (var i = 0; i < date.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[(24 + (i * 2))..], date[i]);
        }

        Ascii(span[36..], "acsp");
        WriteXyz(span[68..], 0.9642, 1.0, 0.8249);

        BinaryPrimitives.WriteUInt32BigEndian(span[128..], (uint)entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = 132 + (i * 12);
            Ascii(span[at..], entries[i].Signature);
            BinaryPrimitives.WriteUInt32BigEndian(span[(at + 4)..], (uint)entries[i].Offset);
            BinaryPrimitives.WriteUInt32BigEndian(span[(at + 8)..], (uint)entries[i].Size);
        }

        body.ToArray().CopyTo(span[offset..]);
        return profile;
    }

    private static byte[] ToneCurve()
    {
        const int points = 1024;
        var data = new byte[12 + (points * 2)];
        Ascii(data, "curv");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), points);
        for (var i = 0; i < points; i++)
        {
            var encoded = i / (double)(points - 1);
            var linear = encoded <= 0.04045 ? encoded / 12.92 : Math.Pow((encoded + 0.055) / 1.055, 2.4);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(12 + (i * 2)), (ushort)Math.Round(linear * 65535));
        }

        return data;
    }

    private static byte[] TextDescription(string text)
    {
        // ASCII description with its terminating zero, then empty Unicode and ScriptCode descriptions (67-byte field).
        var data = new byte[12 + text.Length + 1 + 4 + 4 + 2 + 1 + 67];
        Ascii(data, "desc");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), (uint)(text.Length + 1));
        Ascii(data.AsSpan(12), text);
        return data;
    }

    private static byte[] Text(string text)
    {
        var data = new byte[8 + text.Length + 1];
        Ascii(data, "text");
        Ascii(data.AsSpan(8), text);
        return data;
    }

    private static byte[] Xyz(double x, double y, double z)
    {
        var data = new byte[20];
        Ascii(data, "XYZ ");
        WriteXyz(data.AsSpan(8), x, y, z);
        return data;
    }

    private static void WriteXyz(Span<byte> target, double x, double y, double z)
    {
        BinaryPrimitives.WriteInt32BigEndian(target, (int)Math.Round(x * 65536));
        BinaryPrimitives.WriteInt32BigEndian(target[4..], (int)Math.Round(y * 65536));
        BinaryPrimitives.WriteInt32BigEndian(target[8..], (int)Math.Round(z * 65536));
    }

    private static void Ascii(Span<byte> target, string text) => Encoding.ASCII.GetBytes(text, target);

    private static void Pad(MemoryStream stream)
    {
        while (stream.Length % 4 != 0)
        {
            stream.WriteByte(0);
        }
    }
}
