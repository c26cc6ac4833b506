using System.Text;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Rendering;

/// <summary>The bare text of inlines and blocks, for descriptions, comparisons and table measuring.</summary>
public static class PlainText
{
    public static string Of(IReadOnlyList<Inline> inlines)
    {
        var text = new StringBuilder();
        Append(text, inlines);
        return text.ToString();
    }

    public static string Of(IReadOnlyList<Block> blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            Append(text, block);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, Block block)
    {
        switch (block)
        {
            case Heading heading:
                Append(text, heading.Content);
                break;
            case Paragraph paragraph:
                Append(text, paragraph.Content);
                break;
            case BlockQuote quote:
                text.Append(Of(quote.Blocks));
                break;
            case ListBlock list:
                text.AppendJoin(' ', list.Items.Select(i => Of(i.Blocks)));
                break;
            case Table table:
                text.AppendJoin(' ', table.Rows.SelectMany(r => r.Cells).Select(c => Of(c.Blocks)));
                break;
            default:
                break;
        }
    }

    private static void Append(StringBuilder text, IReadOnlyList<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Model.Text run:
                    text.Append(run.Value);
                    break;
                case Hyperlink link:
                    Append(text, link.Content);
                    break;
                case InternalLink link:
                    Append(text, link.Content);
                    break;
                case LineBreak or Tab:
                    text.Append(' ');
                    break;
                default:
                    break;
            }
        }
    }
}
