using PressPipeline.Conversion.Model;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// Tables: cells placed on the grid (column and row spans), column widths from the document's grid
/// scaled to the column, cell contents laid out as blocks, rows tied together by row spans kept as one
/// unit, header rows repeated when a table continues on a new page, and rows taller than a page split.
/// </summary>
internal sealed class TableLayouter(LayoutContext context, BlockLayouter blocks)
{
    public List<FlowItem> Layout(Table table, float width)
    {
        var placements = Place(table, out var columnCount);
        if (columnCount == 0)
        {
            return [];
        }

        var columns = ColumnWidths(table, columnCount, width);
        var offsets = new float[columnCount + 1];
        for (var c = 0; c < columnCount; c++)
        {
            offsets[c + 1] = offsets[c] + columns[c];
        }

        var padding = context.Styles.Theme.Text.TableCellPadding;
        var rowHeights = new float[table.Rows.Count];
        var cells = new List<CellBox>();
        foreach (var placement in placements)
        {
            var x = offsets[placement.Column];
            var cellWidth = offsets[placement.Column + placement.Cell.ColumnSpan] - x;
            if (table.Direction == TextDirection.RightToLeft)
            {
                x = offsets[columnCount] - x - cellWidth;
            }

            var content = blocks.Layout(placement.Cell.Blocks, Math.Max(10, cellWidth - (2 * padding)));
            var stack = Stack(content, padding);
            var height = (stack.Count == 0 ? 0 : stack[^1].Top + stack[^1].Item.Height) + padding;
            cells.Add(new CellBox(placement.Row, placement.Cell.RowSpan, x, cellWidth, stack, height, placement.Row < table.HeaderRowCount));
            if (placement.Cell.RowSpan == 1)
            {
                rowHeights[placement.Row] = Math.Max(rowHeights[placement.Row], height);
            }
        }

        foreach (var cell in cells.Where(c => c.RowSpan > 1))
        {
            var last = Math.Min(rowHeights.Length, cell.Row + cell.RowSpan) - 1;
            var spanned = 0f;
            for (var r = cell.Row; r <= last; r++)
            {
                spanned += rowHeights[r];
            }

            if (cell.ContentHeight > spanned)
            {
                rowHeights[last] += cell.ContentHeight - spanned;
            }
        }

        return Group(table, cells, rowHeights);
    }

    private List<FlowItem> Group(Table table, List<CellBox> cells, float[] rowHeights)
    {
        var items = new List<FlowItem>();
        var headerItems = new List<FlowItem>();
        var row = 0;
        while (row < table.Rows.Count)
        {
            // Rows joined by a row span stay one unit.
            var end = row + 1;
            for (var r = row; r < end; r++)
            {
                foreach (var cell in cells.Where(c => c.Row == r))
                {
                    end = Math.Min(table.Rows.Count, Math.Max(end, cell.Row + cell.RowSpan));
                }
            }

            var top = 0f;
            var rowTops = new Dictionary<int, float>();
            for (var r = row; r < end; r++)
            {
                rowTops[r] = top;
                top += rowHeights[r];
            }

            var groupCells = cells.Where(c => c.Row >= row && c.Row < end)
                .Select(c => c with { Top = rowTops[c.Row], Height = SpannedHeight(rowHeights, c.Row, c.RowSpan) })
                .ToList();
            var item = new TableRowItem(top, groupCells, context.Styles, context.Styles.Theme.Text.TableCellPadding);
            if (row < table.HeaderRowCount)
            {
                item.KeepWithNext = true;
                headerItems.Add(item);
            }
            else if (headerItems.Count > 0)
            {
                item.RepeatedHeader = headerItems;
            }

            items.Add(item);
            row = end;
        }

        if (items.Count > 0)
        {
            items[0].SpaceBefore = context.Styles.Theme.Text.ParagraphSpacing * 1.5f;
        }

        return items;
    }

    private static float SpannedHeight(float[] rowHeights, int row, int span)
    {
        var height = 0f;
        for (var r = row; r < Math.Min(rowHeights.Length, row + span); r++)
        {
            height += rowHeights[r];
        }

        return height;
    }

    private static List<(FlowItem Item, float Top)> Stack(List<FlowItem> content, float padding)
    {
        var stack = new List<(FlowItem, float)>(content.Count);
        var y = padding;
        for (var i = 0; i < content.Count; i++)
        {
            if (i > 0)
            {
                y += content[i].SpaceBefore;
            }

            stack.Add((content[i], y));
            y += content[i].Height;
        }

        return stack;
    }

    private static List<(int Row, int Column, TableCell Cell)> Place(Table table, out int columnCount)
    {
        var placements = new List<(int, int, TableCell)>();
        var occupied = new List<HashSet<int>>();
        columnCount = 0;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            while (occupied.Count <= r)
            {
                occupied.Add([]);
            }

            var column = 0;
            foreach (var cell in table.Rows[r].Cells)
            {
                while (occupied[r].Contains(column))
                {
                    column++;
                }

                var span = Math.Max(1, cell.ColumnSpan);
                var rowSpan = Math.Max(1, cell.RowSpan);
                var normalised = cell.ColumnSpan == span && cell.RowSpan == rowSpan ? cell : cell with { ColumnSpan = span, RowSpan = rowSpan };
                placements.Add((r, column, normalised));
                for (var rr = r; rr < Math.Min(table.Rows.Count, r + rowSpan); rr++)
                {
                    while (occupied.Count <= rr)
                    {
                        occupied.Add([]);
                    }

                    for (var cc = column; cc < column + span; cc++)
                    {
                        occupied[rr].Add(cc);
                    }
                }

                column += span;
                columnCount = Math.Max(columnCount, column);
            }

            if (occupied[r].Count > 0)
            {
                columnCount = Math.Max(columnCount, occupied[r].Max() + 1);
            }
        }

        return placements;
    }

    private static float[] ColumnWidths(Table table, int columnCount, float width)
    {
        var widths = new float[columnCount];
        if (table.ColumnWidths.Count == columnCount && table.ColumnWidths.All(w => w > 0))
        {
            var total = (float)table.ColumnWidths.Sum();
            var scale = width / total;
            for (var c = 0; c < columnCount; c++)
            {
                widths[c] = (float)table.ColumnWidths[c] * scale;
            }
        }
        else
        {
            Array.Fill(widths, width / columnCount);
        }

        return widths;
    }
}

/// <summary>A cell on the grid: its column position, its content stacked from the cell top, header or not.</summary>
internal sealed record CellBox(int Row, int RowSpan, float X, float Width, List<(FlowItem Item, float Top)> Content, float ContentHeight, bool IsHeader)
{
    public float Top { get; init; }

    public float Height { get; init; }
}

/// <summary>
/// One row (or rows tied by a row span) of a table. Draws borders, header shading and the cells' contents;
/// splits between content lines when the row is taller than the room on the page.
/// </summary>
internal sealed class TableRowItem(float height, IReadOnlyList<CellBox> cells, LayoutStyles styles, float padding)
    : FlowItem(height, [])
{
    private IReadOnlyList<Drawable>? drawables;

    public IReadOnlyList<CellBox> Cells { get; } = cells;

    public override IReadOnlyList<Drawable> Drawables => drawables ??= Draw();

    public override (FlowItem Head, FlowItem Tail)? Split(float available)
    {
        var headCells = new List<CellBox>();
        var tailCells = new List<CellBox>();
        var anyMoved = false;
        var headHeight = 0f;
        foreach (var cell in Cells)
        {
            var kept = cell.Content.Where(c => cell.Top + c.Top + c.Item.Height <= available - padding).ToList();
            var moved = cell.Content.Skip(kept.Count).ToList();
            anyMoved |= moved.Count > 0;
            headHeight = Math.Max(headHeight, kept.Count == 0 ? 0 : cell.Top + kept[^1].Top + kept[^1].Item.Height + padding);
            headCells.Add(cell with { Content = kept });
            var shift = moved.Count == 0 ? 0 : moved[0].Top - padding;
            tailCells.Add(cell with { Content = [.. moved.Select(m => (m.Item, m.Top - shift))], Top = 0 });
        }

        if (!anyMoved || headHeight <= padding)
        {
            return null;
        }

        var tailHeight = tailCells.Max(c => c.Content.Count == 0 ? 2 * padding : c.Content[^1].Top + c.Content[^1].Item.Height + padding);
        var head = new TableRowItem(headHeight, [.. headCells.Select(c => c with { Height = headHeight - c.Top })], styles, padding)
        {
            SpaceBefore = SpaceBefore,
        };
        var tail = new TableRowItem(tailHeight, [.. tailCells.Select(c => c with { Height = tailHeight })], styles, padding)
        {
            RepeatedHeader = RepeatedHeader,
            KeepWithNext = KeepWithNext,
        };
        return (head, tail);
    }

    public override FlowItem Indented(float dx) =>
        dx == 0 ? this : new TableRowItem(Height, [.. Cells.Select(c => c with { X = c.X + dx })], styles, padding)
        {
            SpaceBefore = SpaceBefore,
            KeepWithNext = KeepWithNext,
            RepeatedHeader = RepeatedHeader,
        };

    private List<Drawable> Draw()
    {
        var result = new List<Drawable>();
        var borders = new RuledLines();
        foreach (var cell in Cells)
        {
            var rect = new SKRect(cell.X, cell.Top, cell.X + cell.Width, cell.Top + cell.Height);
            if (cell.IsHeader)
            {
                result.Add(new FillDrawable(rect, styles.TableHeaderFill));
            }

            foreach (var (item, top) in cell.Content)
            {
                result.AddRange(item.Drawables.Select(d => d.Offset(cell.X + padding, cell.Top + top)));
            }

            borders.AddRectangle(rect);
        }

        // Borders last, over every cell's shading, so an edge two cells share is never half covered.
        result.AddRange(borders.Lines(styles.TableBorderColour, styles.Theme.Text.TableBorderWidth));
        return result;
    }
}
