namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// One unbreakable (or, for table rows, splittable) slice of the vertical flow: a line of text, an image,
/// a rule, a table row. Pagination only looks at heights and the keep rules; drawables are relative to
/// the item's top-left corner at the content box's left edge.
/// </summary>
internal class FlowItem(float height, IReadOnlyList<Drawable> drawables)
{
    public float Height { get; init; } = height;

    public virtual IReadOnlyList<Drawable> Drawables { get; } = drawables;

    /// <summary>Gap above the item; dropped when the item opens a page.</summary>
    public float SpaceBefore { get; set; }

    /// <summary>No page break may fall between this item and the next (headings, orphan and widow lines).</summary>
    public bool KeepWithNext { get; set; }

    /// <summary>Table header rows drawn again above this item when it opens a page.</summary>
    public IReadOnlyList<FlowItem>? RepeatedHeader { get; set; }

    /// <summary>A bookmark entry for the outline (headings).</summary>
    public OutlineEntry? Outline { get; set; }

    /// <summary>Splits an item taller than the room left, or null when it can't be split.</summary>
    public virtual (FlowItem Head, FlowItem Tail)? Split(float available) => null;

    /// <summary>The item moved right (list indents, cells).</summary>
    public virtual FlowItem Indented(float dx) =>
        dx == 0 ? this : new FlowItem(Height, [.. Drawables.Select(d => d.Offset(dx, 0))])
        {
            SpaceBefore = SpaceBefore,
            KeepWithNext = KeepWithNext,
            RepeatedHeader = RepeatedHeader,
            Outline = Outline,
        };
}

/// <summary>A heading's entry in the PDF outline, with the named destination that marks it.</summary>
internal sealed record OutlineEntry(string Title, int Level, string Destination);

/// <summary>A flow item placed on a page, at a y below the top margin.</summary>
internal sealed record PlacedItem(FlowItem Item, float Top);

/// <summary>A page's placed items, in drawing order.</summary>
internal sealed record LaidOutPage(IReadOnlyList<PlacedItem> Items);
