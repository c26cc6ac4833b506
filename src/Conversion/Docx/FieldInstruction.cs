namespace PressPipeline.Conversion.Docx;

/// <summary>A parsed field instruction such as <c>HYPERLINK "https://x" \l "anchor"</c>.</summary>
internal sealed record FieldInstruction(string Name, string? Target, string? Anchor)
{
    public bool IsHyperlink => Name == "HYPERLINK";

    public static FieldInstruction Parse(string instruction)
    {
        var tokens = Tokenise(instruction);
        if (tokens.Count == 0)
        {
            return new FieldInstruction(string.Empty, null, null);
        }

        string? target = null, anchor = null;
        for (var i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length == 2 && token[0] == '\\')
            {
                var takesArgument = char.ToLowerInvariant(token[1]) is 'l' or 'o' or 't';
                if (char.ToLowerInvariant(token[1]) == 'l' && i + 1 < tokens.Count)
                {
                    anchor = tokens[i + 1];
                }

                if (takesArgument)
                {
                    i++;
                }

                continue;
            }

            target ??= token;
        }

        return new FieldInstruction(tokens[0].ToUpperInvariant(), target, anchor);
    }

    private static List<string> Tokenise(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            if (text[i] is '"' or '“' or '”')
            {
                var end = text.IndexOfAny(['"', '“', '”'], i + 1);
                end = end < 0 ? text.Length : end;
                tokens.Add(text[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
