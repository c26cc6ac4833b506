namespace PressPipeline.Conversion.Docx;

/// <summary>Reads a stream to its end without ever holding more than a limit.</summary>
internal static class BoundedCopy
{
    /// <summary>The bytes, or null when the stream holds more than <paramref name="limit"/> bytes.</summary>
    public static byte[]? ReadAll(Stream source, long limit)
    {
        var initial = source.CanSeek ? (int)Math.Min(Math.Max(source.Length - source.Position, 0), limit) : 64 * 1024;
        using var buffer = new MemoryStream(Math.Max(initial, 16));
        var chunk = new byte[81920];
        long total = 0;
        int n;
        while ((n = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += n;
            if (total > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
