namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Tracks how deeply XML elements nest while bytes stream past, without parsing: an opening tag adds one
/// level, a closing or self-closing tag removes one. Odd text (a "/>" inside an attribute) can only make
/// the count lower, so the meter never rejects a well-formed document by mistake.
/// </summary>
internal sealed class NestingMeter
{
    private int depth;
    private int deepest;
    private byte previous;
    private bool inTag;
    private bool opening;

    /// <summary>Feeds the next chunk; returns the deepest nesting seen so far.</summary>
    public int Feed(ReadOnlySpan<byte> chunk)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            var b = chunk[i];
            if (!inTag)
            {
                var next = chunk[i..].IndexOf((byte)'<');
                if (next < 0)
                {
                    previous = chunk[^1];
                    return deepest;
                }

                i += next;
                inTag = true;
                opening = true;
                previous = (byte)'<';
                continue;
            }

            if (previous == (byte)'<')
            {
                // "</x>" closes; "<?", "<!" are not elements.
                if (b == (byte)'/')
                {
                    depth--;
                    opening = false;
                }
                else if (b is (byte)'?' or (byte)'!')
                {
                    opening = false;
                }
                else
                {
                    depth++;
                    deepest = Math.Max(deepest, depth);
                }
            }
            else if (b == (byte)'>')
            {
                if (opening && previous == (byte)'/')
                {
                    depth--;
                }

                inTag = false;
            }

            previous = b;
        }

        return deepest;
    }
}
