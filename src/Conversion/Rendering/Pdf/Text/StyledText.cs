using System.Text;

namespace PressPipeline.Conversion.Rendering.Pdf.Text;

/// <summary>
/// A paragraph's text in logical order with a style per character, bookmark positions and forced line
/// breaks ('\n'). Built from the model's inlines, consumed by shaping and line breaking.
/// </summary>
internal sealed class StyledText
{
    private readonly StringBuilder text = new();
    private readonly List<(int Start, RunStyle Style)> styleStarts = [];
    private readonly List<(int Position, string Name)> anchors = [];

    public int Length => text.Length;

    public IReadOnlyList<(int Position, string Name)> Anchors => anchors;

    public void Append(string value, RunStyle style)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (styleStarts.Count == 0 || !Equals(styleStarts[^1].Style, style))
        {
            styleStarts.Add((text.Length, style));
        }

        text.Append(value);
    }

    public void AddAnchor(string name) => anchors.Add((text.Length, name));

    /// <summary>Freezes the text: one string and the style ranges over it.</summary>
    public (string Text, IReadOnlyList<StyleRange> Styles) Build()
    {
        var value = text.ToString();
        var ranges = new List<StyleRange>(styleStarts.Count);
        for (var i = 0; i < styleStarts.Count; i++)
        {
            var end = i + 1 < styleStarts.Count ? styleStarts[i + 1].Start : value.Length;
            if (end > styleStarts[i].Start)
            {
                ranges.Add(new StyleRange(styleStarts[i].Start, end, styleStarts[i].Style));
            }
        }

        return (value, ranges);
    }

    /// <summary>Whether there is anything visible (not only spaces).</summary>
    public bool HasVisibleText()
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A style over characters [Start, End) of a paragraph.</summary>
internal sealed record StyleRange(int Start, int End, RunStyle Style);
