using System.Globalization;
using System.Text;

namespace PressPipeline.Conversion.Rendering.Pdf.Writer;

/// <summary>
/// A growing byte buffer with the PDF token forms we write: numbers (at most three decimals, no
/// exponent, the same text for the same value on every machine), names, literal and hex strings. Page
/// content and the file itself are built with it; it formats straight into its own bytes.
/// </summary>
internal sealed class PdfBytes(int capacity = 4096)
{
    private byte[] buffer = new byte[Math.Max(capacity, 64)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, Length);

    public PdfBytes Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
        return this;
    }

    /// <summary>ASCII text as is: operators, keys, punctuation.</summary>
    public PdfBytes Ascii(string text)
    {
        var span = Reserve(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        Length += text.Length;
        return this;
    }

    public PdfBytes Byte(byte value)
    {
        Reserve(1)[0] = value;
        Length++;
        return this;
    }

    public PdfBytes Integer(long value)
    {
        value.TryFormat(Reserve(20), out var written, default, CultureInfo.InvariantCulture);
        Length += written;
        return this;
    }

    /// <summary>A real number rounded to three decimals, trailing zeros dropped ("12", "0.5", "-3.125").</summary>
    public PdfBytes Number(double value)
    {
        var thousandths = (long)Math.Round(value * 1000, MidpointRounding.AwayFromZero);
        if (thousandths < 0)
        {
            Byte((byte)'-');
            thousandths = -thousandths;
        }

        Integer(thousandths / 1000);
        var fraction = (int)(thousandths % 1000);
        if (fraction != 0)
        {
            Byte((byte)'.').Byte((byte)('0' + (fraction / 100)));
            if (fraction % 100 != 0)
            {
                Byte((byte)('0' + (fraction / 10 % 10)));
                if (fraction % 10 != 0)
                {
                    Byte((byte)('0' + (fraction % 10)));
                }
            }
        }

        return this;
    }

    /// <summary>A name ("/Name"): bytes outside the regular characters are written as #XX.</summary>
    public PdfBytes Name(string value)
    {
        Byte((byte)'/');
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is > 0x20 and < 0x7F && "()<>[]{}/%#".IndexOf((char)b, StringComparison.Ordinal) < 0)
            {
                Byte(b);
            }
            else
            {
                Byte((byte)'#').Hex(b);
            }
        }

        return this;
    }

    /// <summary>
    /// A text string: printable ASCII as a literal (with the three escapes), anything else as UTF-16BE
    /// hex with a byte-order mark, which every reader decodes the same way.
    /// </summary>
    public PdfBytes Text(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
        {
            Byte((byte)'(');
            foreach (var c in value)
            {
                if (c is '(' or ')' or '\\')
                {
                    Byte((byte)'\\');
                }

                Byte((byte)c);
            }

            return Byte((byte)')');
        }

        Ascii("<FEFF");
        foreach (var c in value)
        {
            Hex16(c);
        }

        return Byte((byte)'>');
    }

    /// <summary>Two upper-case hex digits.</summary>
    public PdfBytes Hex(byte value)
    {
        var span = Reserve(2);
        span[0] = HexDigit(value >> 4);
        span[1] = HexDigit(value & 0xF);
        Length += 2;
        return this;
    }

    /// <summary>Four upper-case hex digits: a glyph ID or a UTF-16 unit.</summary>
    public PdfBytes Hex16(int value)
    {
        var span = Reserve(4);
        span[0] = HexDigit((value >> 12) & 0xF);
        span[1] = HexDigit((value >> 8) & 0xF);
        span[2] = HexDigit((value >> 4) & 0xF);
        span[3] = HexDigit(value & 0xF);
        Length += 4;
        return this;
    }

    public PdfBytes Space() => Byte((byte)' ');

    /// <summary>Empties the buffer, keeping its capacity (one buffer serves every page of a render).</summary>
    public void Clear() => Length = 0;

    /// <summary>Already-written bytes, to fill in a value reserved earlier (a stream's length).</summary>
    public Span<byte> WrittenAt(int offset, int count) => buffer.AsSpan(offset, count);

    /// <summary>The buffer as a write-only stream, so a compressor can write into it directly.</summary>
    public Stream AsStream() => new AppendStream(this);

    public PdfBytes Line() => Byte((byte)'\n');

    public byte[] ToArray() => Written.ToArray();

    private static byte HexDigit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);

    private Span<byte> Reserve(int count)
    {
        if (Length + count > buffer.Length)
        {
            var larger = new byte[Math.Max(buffer.Length * 2, Length + count)];
            buffer.AsSpan(0, Length).CopyTo(larger);
            buffer = larger;
        }

        return buffer.AsSpan(Length, count);
    }

    private sealed class AppendStream(PdfBytes target) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => target.Length;

        public override long Position
        {
            get => target.Length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => target.Raw(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => target.Raw(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
