using System.Text;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Anatomy;

/// <summary>The plain text of a paragraph or heading, for recognising release lines, datelines and marks.</summary>
internal static class BlockText
{
    public static string Of(Block block) => block switch
    {
        Paragraph p => Of(p.Content),
        Heading h => Of(h.Content),
        _ => string.Empty,
    };

    public static string Of(IReadOnlyList<Inline> inlines)
    {
        var text = new StringBuilder();
        Append(inlines, text);
        return text.ToString().Trim();
    }

    private static void Append(IReadOnlyList<Inline> inlines, StringBuilder text)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Text t:
                    text.Append(t.Value);
                    break;
                case Hyperlink link:
                    Append(link.Content, text);
                    break;
                case InternalLink link:
                    Append(link.Content, text);
                    break;
                case Tab or LineBreak:
                    text.Append(' ');
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Lower-cased, whitespace collapsed, typographic apostrophes and dashes made plain.</summary>
    public static string Normalise(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c switch
            {
                '’' or '‘' or 'ʼ' => '\'',
                '–' or '—' or '‒' or '‑' => '-',
                'ё' => 'е',
                _ => char.ToLowerInvariant(c),
            });
        }

        return result.ToString();
    }
}
