using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PressPipeline.Conversion.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// w:tbl: grid widths (twips → points), header rows (w:tblHeader), horizontal spans (w:gridSpan) and
/// vertical merges (w:vMerge, turned into row spans with the covered cells left out).
/// </summary>
internal static class TableReader
{
    /// <summary>Word's own limit on the columns of a table: a larger span is a damaged value, not a wider table.</summary>
    private const int MaxSpan = 63;

    /// <param name="locate">True when the table is the place warnings are located in (a table of the body, not one nested in a cell).</param>
    public static Model.Table Read(W.Table table, BodyReader body, bool locate)
    {
        var warnings = body.Context.Warnings;
        var place = warnings.Here.Source();
        var widths = new List<double>();
        if (table.GetFirstChild<TableGrid>() is { } grid)
        {
            foreach (var column in grid.Elements<GridColumn>())
            {
                widths.Add(Attr.TwipsAsPoints(column.Width, warnings) is { } points && points > 0 ? points : 0);
            }
        }

        var rtl = table.GetFirstChild<TableProperties>()?.BiDiVisual is { } bidi && Attr.OnOff(bidi.Val, warnings);
        var rows = new List<RowBuilder>();
        var openMerges = new Dictionary<int, CellBuilder>();
        var headerRows = 0;
        var stillHeader = true;
        var rowNumber = 0;
        foreach (var row in Rows(table))
        {
            rowNumber++;
            var cellNumber = 0;
            if (locate)
            {
                warnings.Enter(warnings.Here with { Row = rowNumber, Cell = null, Paragraph = null });
            }

            var builder = new RowBuilder();
            var properties = row.TableRowProperties;
            var column = Math.Max(Attr.Int(properties?.GetFirstChild<GridBefore>()?.Val, warnings) ?? 0, 0);
            foreach (var cell in Cells(row))
            {
                cellNumber++;
                if (locate)
                {
                    warnings.Enter(warnings.Here with { Row = rowNumber, Cell = cellNumber, Paragraph = cell.GetFirstChild<W.Paragraph>() });
                }

                var cellProperties = cell.TableCellProperties;
                var span = Math.Clamp(Attr.Int(cellProperties?.GridSpan?.Val, warnings) ?? 1, 1, MaxSpan);
                var merge = cellProperties?.VerticalMerge;
                // w:vMerge with no w:val continues the merge above; only "restart" starts a new one.
                var continues = merge is not null && !Attr.Is(Attr.Token(merge.Val), "restart");
                if (continues && openMerges.TryGetValue(column, out var above))
                {
                    above.RowSpan++;
                }
                else
                {
                    var created = new CellBuilder(body.ReadNested(cell.ChildElements), span);
                    builder.Cells.Add(created);
                    if (merge is not null)
                    {
                        openMerges[column] = created;
                    }
                    else
                    {
                        openMerges.Remove(column);
                    }
                }

                column += span;
            }

            if (locate)
            {
                warnings.Enter(warnings.Here with { Cell = null, Paragraph = null });
            }

            var isHeader = properties?.GetFirstChild<TableHeader>() is { } header && Attr.OnOff(header.Val, warnings);
            if (stillHeader && isHeader)
            {
                headerRows++;
            }
            else
            {
                stillHeader = false;
            }

            rows.Add(builder);
        }

        var built = rows.Select(r => new Model.TableRow(r.Cells.Select(c => new Model.TableCell(c.Blocks, c.ColumnSpan, c.RowSpan)).ToList())).ToList();
        return new Model.Table(built, widths, headerRows, rtl ? Model.TextDirection.RightToLeft : Model.TextDirection.LeftToRight) { Place = place };
    }

    private static IEnumerable<W.TableRow> Rows(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case W.TableRow row:
                    yield return row;
                    break;
                case SdtRow sdt when sdt.SdtContentRow is { } content:
                    foreach (var inner in Rows(content))
                    {
                        yield return inner;
                    }

                    break;
                case CustomXmlRow or InsertedRun:
                    foreach (var inner in Rows(child))
                    {
                        yield return inner;
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static IEnumerable<W.TableCell> Cells(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case W.TableCell cell:
                    yield return cell;
                    break;
                case SdtCell sdt when sdt.SdtContentCell is { } content:
                    foreach (var inner in Cells(content))
                    {
                        yield return inner;
                    }

                    break;
                case CustomXmlCell:
                    foreach (var inner in Cells(child))
                    {
                        yield return inner;
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private sealed class RowBuilder
    {
        public List<CellBuilder> Cells { get; } = [];
    }

    private sealed class CellBuilder(List<Block> blocks, int columnSpan)
    {
        public List<Block> Blocks { get; } = blocks;

        public int ColumnSpan { get; } = columnSpan;

        public int RowSpan { get; set; } = 1;
    }
}
