namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// Flows items onto pages of a fixed body height. Rules: space before an item is dropped at the top of a
/// page; an item that does not fit moves to the next page together with the chain of items before it
/// that must stay with it (headings, orphan lines); a splittable item (table row) taller than the room
/// is split; a table continuing on a new page gets its header rows again.
/// </summary>
internal static class Paginator
{
    public static List<LaidOutPage> Paginate(IReadOnlyList<FlowItem> flow, float pageHeight)
    {
        var queue = new List<FlowItem>(flow);
        var pages = new List<LaidOutPage>();
        var current = new List<(int Index, PlacedItem Placed)>();
        var y = 0f;
        var pageStartIndex = 0;
        var i = 0;
        while (i < queue.Count)
        {
            var item = queue[i];
            var pageHasContent = current.Any(c => c.Index >= 0);
            var space = current.Count == 0 ? 0 : item.SpaceBefore;
            if (y + space + item.Height <= pageHeight || (!pageHasContent && !CanSplitUsefully(item, pageHeight - y)))
            {
                current.Add((i, new PlacedItem(item, y + space)));
                y += space + item.Height;
                i++;
                continue;
            }

            // Split a tall row into what fits here and the rest.
            var room = pageHeight - y - space;
            if (item.Height > pageHeight * 0.25f && room > pageHeight * 0.1f && item.Split(room) is { } parts)
            {
                queue[i] = parts.Head;
                queue.Insert(i + 1, parts.Tail);
                continue;
            }

            // Carry the keep-together chain that ends right before this item to the next page.
            var chainStart = i;
            while (chainStart - 1 > pageStartIndex && queue[chainStart - 1].KeepWithNext && current.Count > 0 && current[^1].Index == chainStart - 1)
            {
                current.RemoveAt(current.Count - 1);
                chainStart--;
            }

            pages.Add(new LaidOutPage([.. current.Select(c => c.Placed)]));
            current.Clear();
            y = 0;
            pageStartIndex = chainStart;
            i = chainStart;
            if (queue[i].RepeatedHeader is { Count: > 0 } header)
            {
                foreach (var headerRow in header)
                {
                    current.Add((-1, new PlacedItem(headerRow, y)));
                    y += headerRow.Height;
                }
            }
        }

        if (current.Count > 0 || pages.Count == 0)
        {
            pages.Add(new LaidOutPage([.. current.Select(c => c.Placed)]));
        }

        return pages;
    }

    private static bool CanSplitUsefully(FlowItem item, float pageHeight) => item.Height > pageHeight && item.Split(pageHeight) is not null;
}
