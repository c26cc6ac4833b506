using System.Globalization;
using PressPipeline.Conversion.Rendering.Pdf.Text;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>A line: characters [Start, End) of the paragraph; <see cref="VisibleEnd"/> drops trailing spaces.</summary>
internal sealed record LineSpan(int Start, int End, int VisibleEnd, bool EndsParagraphOrForced);

/// <summary>
/// Greedy line breaking over measured (shaped) text. Break opportunities: after spaces, after hyphens
/// and dashes between letters, after slashes and similar URL punctuation, and at forced breaks ('\n').
/// A word wider than the line is cut between characters so nothing runs off the page. No-break spaces
/// (U+00A0) and hyphens (U+2011) are never break points.
/// </summary>
internal static class LineBreaker
{
    public static List<LineSpan> Break(ShapedParagraph paragraph, float width)
    {
        var text = paragraph.Text;
        var lines = new List<LineSpan>();
        var start = 0;
        while (start < text.Length)
        {
            var best = -1;
            var forced = -1;
            for (var i = start + 1; i <= text.Length; i++)
            {
                if (text[i - 1] == '\n')
                {
                    if (paragraph.Width(start, TrimEnd(text, start, i - 1)) <= width || best < 0)
                    {
                        forced = i;
                    }

                    break;
                }

                if (i < text.Length && !CanBreakBefore(text, i))
                {
                    continue;
                }

                if (paragraph.Width(start, TrimEnd(text, start, i)) > width)
                {
                    break;
                }

                best = i;
            }

            if (forced >= 0)
            {
                lines.Add(new LineSpan(start, forced - 1, TrimEnd(text, start, forced - 1), true));
                start = forced;
                continue;
            }

            var end = best > start ? best : CutInsideWord(paragraph, start, width);
            lines.Add(new LineSpan(start, end, TrimEnd(text, start, end), end == text.Length));
            start = end;
        }

        return lines;
    }

    private static bool CanBreakBefore(string text, int i)
    {
        var before = text[i - 1];
        var at = text[i];
        if (char.IsWhiteSpace(at) || before == '\u00A0' || at == '\u00A0')
        {
            return false;
        }

        if (before == ' ' || before == '\t' || before == '\u2009' || before == '\u2002' || before == '\u2003')
        {
            return true;
        }

        return before switch
        {
            '-' or '\u2010' or '\u2013' or '\u2014' => i >= 2 && char.IsLetterOrDigit(text[i - 2]) && char.IsLetterOrDigit(at),
            '/' or '?' or '&' or '=' or '_' or '.' or '#' => IsInsideUrlLikeWord(text, i) && char.IsLetterOrDigit(at),
            _ => false,
        };
    }

    // URL punctuation is a break point only inside long unspaced words, not after a sentence's full stop.
    private static bool IsInsideUrlLikeWord(string text, int i)
    {
        var wordStart = i - 1;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var wordEnd = i;
        while (wordEnd < text.Length && !char.IsWhiteSpace(text[wordEnd]))
        {
            wordEnd++;
        }

        return wordEnd - wordStart > 20 || text.AsSpan(wordStart, wordEnd - wordStart).Contains("://", StringComparison.Ordinal);
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]) && text[end - 1] != '\u00A0')
        {
            end--;
        }

        return end;
    }

    // The longest prefix that fits, cut on a character boundary (never inside a surrogate pair or before a mark).
    private static int CutInsideWord(ShapedParagraph paragraph, int start, float width)
    {
        var text = paragraph.Text;
        var end = start + 1;
        while (end < text.Length && (char.IsLowSurrogate(text[end]) || IsMark(text[end])))
        {
            end++;
        }

        for (var i = end + 1; i <= text.Length; i++)
        {
            if (i < text.Length && (char.IsLowSurrogate(text[i]) || IsMark(text[i])))
            {
                continue;
            }

            if (text[i - 1] == '\n' || paragraph.Width(start, i) > width)
            {
                break;
            }

            end = i;
            if (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                break;
            }
        }

        return end;
    }

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
