namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Tracks how deeply XML elements nest while bytes stream past, without parsing: an opening tag adds one
/// level, a closing or self-closing tag removes one. Odd text (a "/>" inside an attribute) can only make
/// the count lower (comments holding tags, which Office never writes, are the one exception). It jumps from '&lt;' to
/// '&gt;' with vectorised searches, so it costs little beside the inflating it rides along with.
/// </summary>
internal sealed class NestingMeter
{
    private State state;
    private int depth;
    private int deepest;
    private bool opening;
    private byte previous;

    private enum State
    {
        Outside,
        AfterOpenBracket,
        InsideTag,
    }

    /// <summary>Feeds the next chunk; returns the deepest nesting seen so far.</summary>
    public int Feed(ReadOnlySpan<byte> chunk)
    {
        var i = 0;
        while (i < chunk.Length)
        {
            switch (state)
            {
                case State.Outside:
                    var open = chunk[i..].IndexOf((byte)'<');
                    if (open < 0)
                    {
                        return deepest;
                    }

                    i += open + 1;
                    state = State.AfterOpenBracket;
                    break;

                case State.AfterOpenBracket:
                    var first = chunk[i];
                    if (first == (byte)'/')
                    {
                        // "</x>" closes an element.
                        depth--;
                        opening = false;
                    }
                    else if (first is (byte)'?' or (byte)'!')
                    {
                        // Processing instructions, comments and CDATA are not elements.
                        opening = false;
                    }
                    else
                    {
                        depth++;
                        deepest = Math.Max(deepest, depth);
                        opening = true;
                    }

                    previous = first;
                    state = State.InsideTag;
                    i++;
                    break;

                default:
                    var close = chunk[i..].IndexOf((byte)'>');
                    if (close < 0)
                    {
                        previous = chunk[^1];
                        return deepest;
                    }

                    var before = close > 0 ? chunk[i + close - 1] : previous;
                    if (opening && before == (byte)'/')
                    {
                        // "<x/>" opened and closed at once.
                        depth--;
                    }

                    i += close + 1;
                    state = State.Outside;
                    break;
            }
        }

        return deepest;
    }
}
