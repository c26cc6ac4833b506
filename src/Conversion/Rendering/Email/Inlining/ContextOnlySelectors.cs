namespace PressPipeline.Conversion.Rendering.Email.Inlining;

/// <summary>
/// Decides whether a style sheet's rules can be matched from an element's ancestry alone: type and class
/// selectors joined by descendant or child combinators. Then every element with the same chain of ancestors
/// (tags and classes) gets the same inline style, and PreMailer's answer for one stands for all of them.
/// Pseudo-classes, attribute, ID and sibling selectors look at more than that, so a sheet using them is
/// inlined the slow way, over the whole document.
/// </summary>
internal static class ContextOnlySelectors
{
    public static bool Allows(string css)
    {
        var text = WithoutComments(css);
        var depth = 0;
        var selectorStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{':
                    var prelude = text.AsSpan(selectorStart, i - selectorStart).Trim();
                    if (!IsMediaPrelude(prelude) && !IsContextSelectorList(prelude))
                    {
                        return false;
                    }

                    depth++;
                    selectorStart = i + 1;
                    break;
                case '}':
                    depth--;
                    if (depth < 0)
                    {
                        return false;
                    }

                    selectorStart = i + 1;
                    break;
                case ';' when depth == 0:
                    // A statement at the top level (@import, @charset): PreMailer handles those on its own terms.
                    return false;
                default:
                    break;
            }
        }

        return depth == 0;
    }

    /// <summary>A media block's prelude; the rules inside it are checked like any other.</summary>
    private static bool IsMediaPrelude(ReadOnlySpan<char> prelude) =>
        prelude.StartsWith("@media", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Inside a rule body the "prelude" is a declaration list followed by a nested rule, which plain CSS for
    /// e-mail never has; such text fails here because declarations contain ':'.
    /// </summary>
    private static bool IsContextSelectorList(ReadOnlySpan<char> prelude)
    {
        if (prelude.IsEmpty)
        {
            return false;
        }

        foreach (var c in prelude)
        {
            var allowed = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ',' or '>' or '*' || char.IsWhiteSpace(c);
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static string WithoutComments(string css)
    {
        var start = css.IndexOf("/*", StringComparison.Ordinal);
        if (start < 0)
        {
            return css;
        }

        var text = new System.Text.StringBuilder(css.Length);
        var position = 0;
        while (start >= 0)
        {
            text.Append(css, position, start - position);
            var end = css.IndexOf("*/", start + 2, StringComparison.Ordinal);
            position = end < 0 ? css.Length : end + 2;
            start = position < css.Length ? css.IndexOf("/*", position, StringComparison.Ordinal) : -1;
        }

        text.Append(css, position, css.Length - position);
        return text.ToString();
    }
}
