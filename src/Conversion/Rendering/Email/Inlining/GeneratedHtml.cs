namespace PressPipeline.Conversion.Rendering.Email.Inlining;

/// <summary>An attribute as written: where it starts and ends, and where its value is (quotes excluded).</summary>
internal readonly record struct AttributeSpan(string Name, int Start, int End, int ValueStart, int ValueLength, bool HasValue);

/// <summary>A start tag: its element context, its attributes and where the tag closes ('>' or "/>").</summary>
internal sealed record StartTag(ElementContext Context, IReadOnlyList<AttributeSpan> Attributes, int CloseAt);

/// <summary>
/// The tags of an HTML document that PressPipeline's own templates and writers produced: strictly nested,
/// every element closed, attributes quoted, one style sheet in the head. <see cref="TryScan"/> refuses anything
/// else (returning false), and the caller then inlines the slow, general way; it never guesses.
/// </summary>
internal sealed class GeneratedHtml
{
    private static readonly HashSet<string> VoidElements =
        new(["area", "base", "br", "col", "embed", "hr", "img", "input", "meta", "param", "source", "track", "wbr"], StringComparer.Ordinal);

    // Raw-text elements whose content is not markup, and elements that pull in outside CSS.
    private static readonly HashSet<string> Refused =
        new(["script", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext", "link", "template", "svg", "math"], StringComparer.Ordinal);

    private GeneratedHtml(string html)
    {
        Html = html;
    }

    public string Html { get; }

    public ElementContext Root { get; } = ElementContext.Root();

    /// <summary>Every distinct element context, in order of first appearance.</summary>
    public List<ElementContext> Contexts { get; } = [];

    public List<StartTag> Tags { get; } = [];

    /// <summary>Spans of comments, which PreMailer drops.</summary>
    public List<(int Start, int End)> Comments { get; } = [];

    /// <summary>The style element (start of its tag to the end of its end tag) and the CSS inside it.</summary>
    public (int Start, int End, string Css)? StyleSheet { get; private set; }

    public static bool TryScan(string html, out GeneratedHtml scanned)
    {
        scanned = new GeneratedHtml(html);
        return html.StartsWith("<!DOCTYPE html>", StringComparison.OrdinalIgnoreCase) && scanned.Scan();
    }

    private bool Scan()
    {
        var open = new Stack<(string Tag, ElementContext Context)>();
        var position = 0;
        while (true)
        {
            var lt = Html.IndexOf('<', position);
            if (lt < 0 || lt + 1 >= Html.Length)
            {
                return open.Count == 0;
            }

            var next = Html[lt + 1];
            if (Html.AsSpan(lt).StartsWith("<!--"))
            {
                var end = Html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                Comments.Add((lt, end + 3));
                position = end + 3;
            }
            else if (next == '!')
            {
                if (lt != 0)
                {
                    return false;
                }

                position = Html.IndexOf('>', lt) + 1;
            }
            else if (next == '/')
            {
                var gt = Html.IndexOf('>', lt);
                if (gt < 0 || open.Count == 0 || !Html.AsSpan(lt + 2, gt - lt - 2).Trim().Equals(open.Pop().Tag, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                position = gt + 1;
            }
            else if (char.IsAsciiLetter(next))
            {
                if (!TryReadStartTag(lt, open, out position))
                {
                    return false;
                }
            }
            else
            {
                position = lt + 1;
            }
        }
    }

    private bool TryReadStartTag(int lt, Stack<(string Tag, ElementContext Context)> open, out int position)
    {
        position = lt;
        var i = lt + 1;
        while (i < Html.Length && (char.IsAsciiLetterOrDigit(Html[i]) || Html[i] == '-'))
        {
            i++;
        }

        var tag = Html[(lt + 1)..i].ToLowerInvariant();
        if (Refused.Contains(tag) || !TryReadAttributes(ref i, out var attributes, out var selfClosing))
        {
            return false;
        }

        var closeAt = selfClosing ? i - 1 : i;
        position = i + 1;
        if (tag == "style")
        {
            return TryReadStyleSheet(lt, position, attributes, open, out position);
        }

        var parent = open.Count == 0 ? Root : open.Peek().Context;
        var context = parent.Child(Signature(tag, attributes), Contexts);
        Tags.Add(new StartTag(context, attributes, closeAt));
        if (!selfClosing && !VoidElements.Contains(tag))
        {
            open.Push((tag, context));
        }

        return true;
    }

    /// <summary>Reads attributes up to the tag's '>' (left at <paramref name="i"/>); only quoted values.</summary>
    private bool TryReadAttributes(ref int i, out List<AttributeSpan> attributes, out bool selfClosing)
    {
        attributes = [];
        selfClosing = false;
        while (true)
        {
            while (i < Html.Length && char.IsWhiteSpace(Html[i]))
            {
                i++;
            }

            if (i >= Html.Length)
            {
                return false;
            }

            if (Html[i] == '>')
            {
                return true;
            }

            if (Html[i] == '/' && i + 1 < Html.Length && Html[i + 1] == '>')
            {
                selfClosing = true;
                i++;
                return true;
            }

            var nameStart = i;
            while (i < Html.Length && !char.IsWhiteSpace(Html[i]) && Html[i] is not ('=' or '>' or '/' or '"' or '\'' or '<'))
            {
                i++;
            }

            if (i == nameStart)
            {
                return false;
            }

            var name = Html[nameStart..i].ToLowerInvariant();
            if (i < Html.Length && Html[i] == '=')
            {
                i++;
                if (i >= Html.Length || Html[i] is not ('"' or '\''))
                {
                    return false;
                }

                var quote = Html[i];
                var valueEnd = Html.IndexOf(quote, i + 1);
                if (valueEnd < 0)
                {
                    return false;
                }

                attributes.Add(new AttributeSpan(name, nameStart, valueEnd + 1, i + 1, valueEnd - i - 1, HasValue: true));
                i = valueEnd + 1;
            }
            else
            {
                attributes.Add(new AttributeSpan(name, nameStart, i, i, 0, HasValue: false));
            }
        }
    }

    private bool TryReadStyleSheet(int start, int contentStart, List<AttributeSpan> attributes, Stack<(string Tag, ElementContext Context)> open, out int position)
    {
        position = contentStart;
        var end = Html.IndexOf("</style", contentStart, StringComparison.OrdinalIgnoreCase);
        var gt = end < 0 ? -1 : Html.IndexOf('>', end);
        var inHead = open.Count > 0 && open.Peek().Tag == "head";
        if (gt < 0 || attributes.Count > 0 || !inHead || StyleSheet is not null)
        {
            return false;
        }

        StyleSheet = (start, gt + 1, Html[contentStart..end]);
        position = gt + 1;
        return true;
    }

    // HTML keeps the first of repeated attributes, so the signature does too.
    private ElementSignature Signature(string tag, List<AttributeSpan> attributes)
    {
        string? cssClass = null;
        string? style = null;
        var mirrored = MirroredAttributes.None;
        foreach (var attribute in attributes)
        {
            switch (attribute.Name)
            {
                case "class":
                    cssClass ??= Value(attribute);
                    break;
                case "style":
                    style ??= Value(attribute);
                    break;
                case "width":
                    mirrored |= MirroredAttributes.Width;
                    break;
                case "height":
                    mirrored |= MirroredAttributes.Height;
                    break;
                case "bgcolor":
                    mirrored |= MirroredAttributes.BackgroundColor;
                    break;
                default:
                    break;
            }
        }

        return new ElementSignature(tag, cssClass, style, mirrored);
    }

    public string Value(AttributeSpan attribute) => Html.Substring(attribute.ValueStart, attribute.ValueLength);
}
