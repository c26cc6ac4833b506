namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Reads an inflating zip entry and refuses, as a zip bomb, to give more bytes than the entry declares or than the
/// package's expanded-size budget has left: the central directory can lie, and the SDK trusts it.
/// </summary>
internal sealed class InflationCheck(Stream inflating, long declaredLength, ExpansionBudget budget) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inflating.Read(buffer);
        read += n;
        budget.Remaining -= n;
        if (read > declaredLength || budget.Remaining < 0)
        {
            throw PackageGuard.ZipBomb();
        }

        return n;
    }

    /// <summary>Reads what is left, so the whole entry has been checked against what it declares.</summary>
    public void ReadToEnd()
    {
        var chunk = new byte[16 * 1024];
        while (Read(chunk) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inflating.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>How many more expanded bytes the package may inflate to, shared by every entry.</summary>
internal sealed class ExpansionBudget(long bytes)
{
    public long Remaining { get; set; } = bytes;
}
