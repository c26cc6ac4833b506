using System.Text;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>Plain text of model pieces, for assertions.</summary>
internal static class ModelText
{
    public static string Of(IEnumerable<Inline> inlines)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines)
        {
            text.Append(inline switch
            {
                Text t => t.Value,
                Hyperlink h => Of(h.Content),
                InternalLink l => Of(l.Content),
                Tab => "\t",
                LineBreak => "\n",
                _ => string.Empty,
            });
        }

        return text.ToString();
    }

    public static string Of(Block block) => block switch
    {
        Paragraph p => Of(p.Content),
        Heading h => Of(h.Content),
        BlockQuote q => string.Join("\n", q.Blocks.Select(Of)),
        ListBlock l => string.Join("\n", l.Items.Select(i => string.Join("\n", i.Blocks.Select(Of)))),
        Table t => string.Join("\n", t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Blocks).Select(Of)),
        _ => string.Empty,
    };

    public static IEnumerable<Inline> AllInlines(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var inner = block switch
            {
                Paragraph p => Flatten(p.Content),
                Heading h => Flatten(h.Content),
                BlockQuote q => AllInlines(q.Blocks),
                ListBlock l => AllInlines(l.Items.SelectMany(i => i.Blocks)),
                Table t => AllInlines(t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Blocks)),
                _ => [],
            };
            foreach (var inline in inner)
            {
                yield return inline;
            }
        }
    }

    private static IEnumerable<Inline> Flatten(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            yield return inline;
            var children = inline switch
            {
                Hyperlink h => Flatten(h.Content),
                InternalLink l => Flatten(l.Content),
                _ => [],
            };
            foreach (var child in children)
            {
                yield return child;
            }
        }
    }
}
