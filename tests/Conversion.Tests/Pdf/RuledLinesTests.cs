using PressPipeline.Conversion.Rendering.Pdf.Layout;
using SkiaSharp;

namespace PressPipeline.Conversion.Tests.Pdf;

public sealed class RuledLinesTests
{
    private static readonly SKColor Grey = new(0x9A, 0xA4, 0xAE);

    private static List<(SKPoint From, SKPoint To)> Lines(params SKRect[] cells)
    {
        var ruled = new RuledLines();
        foreach (var cell in cells)
        {
            ruled.AddRectangle(cell);
        }

        return [.. ruled.Lines(Grey, 0.6f).Select(line => (line.From, line.To))];
    }

    [Fact]
    public void A_row_of_three_cells_is_ruled_with_two_long_lines_and_four_uprights()
    {
        var lines = Lines(new SKRect(0, 0, 100, 20), new SKRect(100, 0, 250, 20), new SKRect(250, 0, 300, 20));

        Assert.Equal(
            [
                (new SKPoint(0, 0), new SKPoint(300, 0)),
                (new SKPoint(0, 20), new SKPoint(300, 20)),
                (new SKPoint(0, 0), new SKPoint(0, 20)),
                (new SKPoint(100, 0), new SKPoint(100, 20)),
                (new SKPoint(250, 0), new SKPoint(250, 20)),
                (new SKPoint(300, 0), new SKPoint(300, 20)),
            ],
            lines);
    }

    [Fact]
    public void Edges_that_differ_only_by_float_rounding_are_one_edge()
    {
        // Column offsets are sums of scaled widths: one cell's right edge and the next one's left can differ in the last bits.
        var lines = Lines(new SKRect(0, 0, 33.333336f, 10), new SKRect(33.33333f, 0, 66.66667f, 10));

        Assert.Equal(5, lines.Count);
        Assert.Equal((new SKPoint(0, 0), new SKPoint(66.66667f, 0)), lines[0]);
    }

    [Fact]
    public void A_taller_cell_keeps_its_own_bottom_and_a_gap_is_not_bridged()
    {
        // A cell spanning two rows beside a one-row cell, and a cell further right that does not touch them.
        var lines = Lines(new SKRect(0, 0, 50, 40), new SKRect(50, 0, 100, 20), new SKRect(150, 0, 200, 20));

        Assert.Contains((new SKPoint(0, 40), new SKPoint(50, 40)), lines);
        Assert.Contains((new SKPoint(0, 0), new SKPoint(100, 0)), lines);
        Assert.Contains((new SKPoint(150, 0), new SKPoint(200, 0)), lines);
        Assert.Contains((new SKPoint(50, 0), new SKPoint(50, 40)), lines);
        Assert.DoesNotContain(lines, line => line.From.X < 150 && line.To.X > 100);
    }
}
