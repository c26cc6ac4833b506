using PressPipeline.Conversion.Rendering.Pdf.Layout;

namespace PressPipeline.Conversion.Rendering.Pdf.Writer;

/// <summary>
/// The bookmarks panel: outline items nested by heading level, each pointing at its heading's named
/// destination, written as the linked list of dictionaries a PDF outline is (ISO 32000-1, 12.3.3).
/// </summary>
internal static class DocumentOutline
{
    /// <summary>Writes the outline and returns its root object, or null when there are no entries.</summary>
    public static int? Write(PdfFile file, IReadOnlyList<OutlineEntry> entries)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var root = new Node(null, file.Allocate());
        var nodes = entries.Select(entry => new Node(entry, file.Allocate())).ToList();
        var open = new Stack<Node>();
        open.Push(root);
        foreach (var node in nodes)
        {
            while (open.Count > 1 && open.Peek().Entry!.Level >= node.Entry!.Level)
            {
                open.Pop();
            }

            node.Parent = open.Peek();
            node.Parent.Children.Add(node);
            open.Push(node);
        }

        file.Dictionary(root.Number, d =>
        {
            d.Ascii("/Type/Outlines");
            Children(d, root);
        });

        foreach (var node in nodes)
        {
            var siblings = node.Parent!.Children;
            var at = siblings.IndexOf(node);
            file.Dictionary(node.Number, d =>
            {
                d.Ascii("/Title").Text(node.Entry!.Title.Length > 0 ? node.Entry.Title : "—").Ascii("/Parent").Reference(node.Parent.Number);
                if (at > 0)
                {
                    d.Ascii("/Prev").Reference(siblings[at - 1].Number);
                }

                if (at + 1 < siblings.Count)
                {
                    d.Ascii("/Next").Reference(siblings[at + 1].Number);
                }

                Children(d, node);
                d.Ascii("/Dest").Name(node.Entry.Destination);
            });
        }

        return root.Number;
    }

    private static void Children(PdfBytes d, Node node)
    {
        if (node.Children.Count > 0)
        {
            d.Ascii("/First").Reference(node.Children[0].Number).Ascii("/Last").Reference(node.Children[^1].Number)
                .Ascii("/Count ").Integer(Descendants(node));
        }
    }

    private static int Descendants(Node node) => node.Children.Count + node.Children.Sum(Descendants);

    private sealed class Node(OutlineEntry? entry, int number)
    {
        public OutlineEntry? Entry { get; } = entry;

        public int Number { get; } = number;

        public Node? Parent { get; set; }

        public List<Node> Children { get; } = [];
    }
}
