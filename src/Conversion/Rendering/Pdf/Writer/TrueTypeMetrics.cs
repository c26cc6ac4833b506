using System.Buffers.Binary;

namespace PressPipeline.Conversion.Rendering.Pdf.Writer;

/// <summary>
/// What a PDF font descriptor and width array need from a TrueType file, read from its tables (head,
/// hhea, hmtx, maxp, OS/2, post). Widths come from the embedded program itself, so the PDF's widths and
/// the font's always agree, which PDF/A checks.
/// </summary>
internal sealed class TrueTypeMetrics
{
    private TrueTypeMetrics(int unitsPerEm, int[] advances)
    {
        UnitsPerEm = unitsPerEm;
        Advances = advances;
    }

    public int UnitsPerEm { get; }

    /// <summary>Advance width of each glyph in font units.</summary>
    public int[] Advances { get; }

    public (int XMin, int YMin, int XMax, int YMax) Box { get; private init; }

    public int Ascender { get; private init; }

    public int Descender { get; private init; }

    public int CapHeight { get; private init; }

    public double ItalicAngle { get; private init; }

    public bool FixedPitch { get; private init; }

    /// <summary>Glyph advance in thousandths of the em, unrounded: the width array and the painter's pen use the same value.</summary>
    public double Width(int glyph) => Advances[glyph < Advances.Length ? glyph : Advances.Length - 1] * 1000.0 / UnitsPerEm;

    /// <summary>A length in font units scaled to thousandths of the em.</summary>
    public int Scale(int units) => (int)Math.Round(units * 1000.0 / UnitsPerEm, MidpointRounding.AwayFromZero);

    /// <summary>Reads the tables; throws <see cref="InvalidDataException"/> if a required one is missing or short.</summary>
    public static TrueTypeMetrics Read(ReadOnlySpan<byte> font)
    {
        // The PDF embeds the program as FontFile2, which holds TrueType outlines only.
        if (font.Length >= 4 && font[..4].SequenceEqual("OTTO"u8))
        {
            throw new InvalidDataException("It has PostScript (CFF) outlines; the PDF writer embeds TrueType outlines only, so use the .ttf edition of the font.");
        }

        _ = Table(font, "glyf", 0);
        var head = Table(font, "head", 54);
        var hhea = Table(font, "hhea", 36);
        var maxp = Table(font, "maxp", 6);
        var glyphCount = U16(maxp, 4);
        var metricCount = Math.Max(1, (int)U16(hhea, 34));
        var hmtx = Table(font, "hmtx", metricCount * 4);
        var advances = new int[Math.Max(1, (int)glyphCount)];
        for (var glyph = 0; glyph < advances.Length; glyph++)
        {
            advances[glyph] = U16(hmtx, Math.Min(glyph, metricCount - 1) * 4);
        }

        var ascender = (int)S16(hhea, 4);
        var capHeight = ascender * 7 / 10;
        if (TryTable(font, "OS/2", 90, out var os2) && U16(os2, 0) >= 2)
        {
            capHeight = S16(os2, 88);
        }

        var italicAngle = 0.0;
        var fixedPitch = false;
        if (TryTable(font, "post", 16, out var post))
        {
            italicAngle = BinaryPrimitives.ReadInt32BigEndian(post[4..]) / 65536.0;
            fixedPitch = BinaryPrimitives.ReadUInt32BigEndian(post[12..]) != 0;
        }

        return new TrueTypeMetrics(Math.Max(16, (int)U16(head, 18)), advances)
        {
            Box = (S16(head, 36), S16(head, 38), S16(head, 40), S16(head, 42)),
            Ascender = ascender,
            Descender = S16(hhea, 6),
            CapHeight = capHeight,
            ItalicAngle = italicAngle,
            FixedPitch = fixedPitch,
        };
    }

    private static ReadOnlySpan<byte> Table(ReadOnlySpan<byte> font, string tag, int minimumLength) =>
        TryTable(font, tag, minimumLength, out var table)
            ? table
            : throw new InvalidDataException($"It has no usable '{tag}' table.");

    private static bool TryTable(ReadOnlySpan<byte> font, string tag, int minimumLength, out ReadOnlySpan<byte> table)
    {
        table = default;
        if (font.Length < 12)
        {
            return false;
        }

        var count = U16(font, 4);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (16 * i);
            if (record + 16 > font.Length)
            {
                return false;
            }

            if (font[record] == tag[0] && font[record + 1] == tag[1] && font[record + 2] == tag[2] && font[record + 3] == tag[3])
            {
                var offset = BinaryPrimitives.ReadUInt32BigEndian(font[(record + 8)..]);
                var length = BinaryPrimitives.ReadUInt32BigEndian(font[(record + 12)..]);
                if (length < minimumLength || offset + (long)length > font.Length)
                {
                    return false;
                }

                table = font.Slice((int)offset, (int)length);
                return true;
            }
        }

        return false;
    }

    private static ushort U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static short S16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt16BigEndian(data[at..]);
}
