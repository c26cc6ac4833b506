using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Rendering.Text;

/// <summary>
/// Tables as plain text. A table whose columns fit in 72 columns is drawn as a grid ("a | b", a rule under
/// the header rows); a wider one is written row by row as "Header: value" records, which stay readable
/// on a phone and in any mail client.
/// </summary>
internal static class TextTableLayout
{
    private const string Separator = " | ";

    /// <summary>Places each cell's text at its grid position; spanned positions stay empty.</summary>
    public static List<string[]> Grid(Table table, Func<TableCell, string> cellText)
    {
        var columns = Math.Max(1, table.Rows.Count == 0 ? 1 : table.Rows.Max(r => r.Cells.Sum(c => Math.Max(1, c.ColumnSpan))));
        var grid = new List<string?[]>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            while (grid.Count <= r)
            {
                grid.Add(new string?[columns]);
            }

            var column = 0;
            foreach (var cell in table.Rows[r].Cells)
            {
                while (column < columns && grid[r][column] is not null)
                {
                    column++;
                }

                if (column >= columns)
                {
                    break; // a malformed row with more cells than the grid: the extra cells have no column
                }

                // Clip a span that runs past the grid (Word tolerates it; the grid comes from the widest row).
                var span = Math.Min(Math.Max(1, cell.ColumnSpan), columns - column);
                grid[r][column] = cellText(cell);
                for (var down = 0; down < Math.Max(1, cell.RowSpan); down++)
                {
                    while (grid.Count <= r + down)
                    {
                        grid.Add(new string?[columns]);
                    }

                    for (var across = 0; across < span; across++)
                    {
                        if ((down > 0 || across > 0) && grid[r + down][column + across] is null)
                        {
                            grid[r + down][column + across] = string.Empty;
                        }
                    }
                }

                column += span;
            }
        }

        return [.. grid.Select(row => row.Select(c => c ?? string.Empty).ToArray())];
    }

    public static void Write(List<string[]> grid, int headerRows, string indent, List<string> lines)
    {
        if (grid.Count == 0)
        {
            return;
        }

        var columns = grid.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in grid)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], TextWrapper.Columns(row[c]));
            }
        }

        var total = TextWrapper.Columns(indent) + widths.Sum() + (Separator.Length * (columns - 1));
        if (total <= TextWrapper.Width)
        {
            WriteGrid(grid, widths, headerRows, indent, lines);
        }
        else
        {
            WriteRecords(grid, headerRows, indent, lines);
        }
    }

    private static void WriteGrid(List<string[]> grid, int[] widths, int headerRows, string indent, List<string> lines)
    {
        for (var r = 0; r < grid.Count; r++)
        {
            var cells = widths.Select((w, c) => Pad(c < grid[r].Length ? grid[r][c] : string.Empty, w));
            lines.Add((indent + string.Join(Separator, cells)).TrimEnd());
            if (r == headerRows - 1)
            {
                lines.Add(indent + string.Join("-+-", widths.Select(w => new string('-', Math.Max(w, 1)))));
            }
        }
    }

    private static void WriteRecords(List<string[]> grid, int headerRows, string indent, List<string> lines)
    {
        var headers = headerRows > 0 ? grid[headerRows - 1] : null;
        for (var r = headerRows; r < grid.Count; r++)
        {
            if (r > headerRows)
            {
                lines.Add(string.Empty);
            }

            for (var c = 0; c < grid[r].Length; c++)
            {
                var value = grid[r][c];
                if (value.Length == 0)
                {
                    continue;
                }

                var header = headers is not null && c < headers.Length && headers[c].Length > 0 ? headers[c] + ": " : "- ";
                TextWrapper.Wrap(header + value, indent, indent + "  ", lines);
            }
        }
    }

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - TextWrapper.Columns(text)));
}
