namespace PressPipeline.Conversion.Anatomy;

/// <summary>The marks that end a release's story: ###, -ENDS-, -30-, ***, # # #, — КОНЕЦ —.</summary>
internal static class EndMarks
{
    private static readonly HashSet<string> Marks = new(StringComparer.Ordinal)
    {
        "###", "#####", "-ends-", "ends", "-end-", "end", "-30-", "30", "***", "-###-", "конец", "-конец-", "соңы", "-соңы-",
        "fin", "-fin-", "ende", "-ende-",
    };

    /// <summary>True when the paragraph's whole text is an end mark.</summary>
    public static bool IsEndMark(string text)
    {
        if (text.Length is 0 or > 20)
        {
            return false;
        }

        var compact = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c is '–' or '—' or '‒' ? '-' : char.ToLowerInvariant(c));
            }
        }

        var mark = compact.ToString();

        // "30" and "end" alone are too common as ordinary text; accept them only dashed.
        return mark is not ("30" or "end" or "fin" or "ende") && Marks.Contains(mark);
    }
}
