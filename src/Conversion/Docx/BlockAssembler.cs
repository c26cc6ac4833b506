using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Turns a flat run of paragraphs into nested lists (by numbering level) and block quotes (runs of
/// Quote-styled paragraphs). Any other block closes what is open.
/// </summary>
internal sealed class BlockAssembler
{
    private readonly List<Block> output = [];
    private readonly List<ListBuilder> openLists = [];
    private List<Block>? openQuote;

    public void Add(Block block)
    {
        CloseLists();
        CloseQuote();
        output.Add(block);
    }

    public void AddQuote(Block block)
    {
        CloseLists();
        openQuote ??= [];
        openQuote.Add(block);
    }

    public void AddListItem(ListMarker marker, Block block)
    {
        CloseQuote();
        while (openLists.Count > 0 && openLists[^1].Level > marker.Level)
        {
            CloseInnermost();
        }

        if (openLists.Count > 0 && openLists[^1].Level == marker.Level && !openLists[^1].Accepts(marker))
        {
            CloseInnermost();
        }

        if (openLists.Count == 0 || openLists[^1].Level < marker.Level)
        {
            var list = new ListBuilder(marker);
            if (openLists.Count > 0)
            {
                openLists[^1].LastItem().Add(list);
            }

            openLists.Add(list);
        }

        openLists[^1].AddItem(marker.Label).Add(block);
    }

    public List<Block> Finish()
    {
        CloseLists();
        CloseQuote();
        return output;
    }

    private void CloseInnermost()
    {
        var list = openLists[^1];
        openLists.RemoveAt(openLists.Count - 1);
        if (openLists.Count == 0)
        {
            output.Add(list.Build());
        }
    }

    private void CloseLists()
    {
        while (openLists.Count > 0)
        {
            CloseInnermost();
        }
    }

    private void CloseQuote()
    {
        if (openQuote is not null)
        {
            output.Add(new BlockQuote(openQuote));
            openQuote = null;
        }
    }

    /// <summary>A list under construction; items hold blocks and nested list builders in order.</summary>
    private sealed class ListBuilder(ListMarker first)
    {
        private readonly List<(string Label, List<object> Content)> items = [];

        public int Level { get; } = first.Level;

        private ListStyle Style { get; } = first.Style;

        private int Start { get; } = first.Number;

        public bool Accepts(ListMarker marker) => (marker.Style == ListStyle.Bullet) == (Style == ListStyle.Bullet);

        public List<object> AddItem(string label)
        {
            items.Add((label, []));
            return items[^1].Content;
        }

        public List<object> LastItem() => items.Count > 0 ? items[^1].Content : AddItem(string.Empty);

        public ListBlock Build()
        {
            var built = new List<ListItem>(items.Count);
            foreach (var (label, content) in items)
            {
                var blocks = new List<Block>(content.Count);
                foreach (var entry in content)
                {
                    blocks.Add(entry is ListBuilder nested ? nested.Build() : (Block)entry);
                }

                built.Add(new ListItem(blocks, label));
            }

            return new ListBlock(Style, Style == ListStyle.Bullet ? 1 : Start, built);
        }
    }
}
