using System.Globalization;
using System.Text;

namespace PressPipeline.Conversion.Rendering.Text;

/// <summary>
/// Greedy word wrapping at a column limit, counted in grapheme clusters so "й" or an emoji with a
/// modifier is one column. Breaks only at ordinary spaces (no-break spaces hold words together); a URL
/// longer than the line stays whole on a line of its own so it still works when copied; any other
/// over-long word is cut between graphemes.
/// </summary>
internal static class TextWrapper
{
    public const int Width = 72;

    /// <summary>Wraps text; the first line starts with <paramref name="firstPrefix"/>, the rest with <paramref name="restPrefix"/>.</summary>
    public static void Wrap(string text, string firstPrefix, string restPrefix, List<string> lines, int width = Width)
    {
        var prefix = firstPrefix;
        foreach (var hardLine in text.Split('\n'))
        {
            var line = new StringBuilder(prefix);
            var lineWidth = Columns(prefix);
            var empty = true;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = Columns(word);
                if (!empty && lineWidth + 1 + wordWidth > width)
                {
                    lines.Add(line.ToString());
                    prefix = restPrefix;
                    line.Clear().Append(prefix);
                    lineWidth = Columns(prefix);
                    empty = true;
                }

                if (empty && lineWidth + wordWidth > width && !LooksLikeUrl(word))
                {
                    // Too long for any line: cut it between graphemes, keeping the tail for the next word.
                    var rest = word;
                    while (lineWidth + Columns(rest) > width)
                    {
                        var take = Math.Max(1, width - lineWidth);
                        var (head, tail) = SplitAt(rest, take);
                        lines.Add(line.Append(head).ToString());
                        prefix = restPrefix;
                        line.Clear().Append(prefix);
                        lineWidth = Columns(prefix);
                        rest = tail;
                    }

                    line.Append(rest);
                    lineWidth += Columns(rest);
                    empty = rest.Length == 0;
                    continue;
                }

                if (!empty)
                {
                    line.Append(' ');
                    lineWidth++;
                }

                line.Append(word);
                lineWidth += wordWidth;
                empty = false;
            }

            lines.Add(line.ToString().TrimEnd());
            prefix = restPrefix;
        }
    }

    /// <summary>Display columns: one per grapheme cluster.</summary>
    public static int Columns(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c >= 0x300)
            {
                ascii = false;
                break;
            }
        }

        return ascii ? text.Length : new StringInfo(text).LengthInTextElements;
    }

    /// <summary>True for what must not be broken: web addresses, e-mail addresses, bracketed references.</summary>
    public static bool LooksLikeUrl(string word) =>
        word.Contains("://", StringComparison.Ordinal)
        || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
        || (word.Contains('@', StringComparison.Ordinal) && word.Contains('.', StringComparison.Ordinal));

    private static (string Head, string Tail) SplitAt(string text, int graphemes)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        var count = 0;
        while (enumerator.MoveNext())
        {
            if (count == graphemes)
            {
                return (text[..enumerator.ElementIndex], text[enumerator.ElementIndex..]);
            }

            count++;
        }

        return (text, string.Empty);
    }
}
