using PressPipeline.Conversion.Rendering.Pdf.Text;

namespace PressPipeline.Conversion.Tests.Pdf;

public sealed class BidiResolverTests
{
    [Fact]
    public void Hebrew_inside_an_English_paragraph_is_one_right_to_left_run()
    {
        var levels = BidiResolver.ResolveLevels("see שלום עולם now", rightToLeft: false);

        Assert.Equal("00001111111110000", string.Concat(levels));
    }

    [Fact]
    public void Latin_and_numbers_inside_an_Arabic_paragraph_stay_left_to_right()
    {
        var text = "يوم 22 مايو IOM Kazakhstan.";
        var levels = BidiResolver.ResolveLevels(text, rightToLeft: true);

        Assert.All(levels.AsSpan(text.IndexOf("22", StringComparison.Ordinal), 2).ToArray(), l => Assert.Equal(2, l));
        Assert.All(levels.AsSpan(text.IndexOf("IOM", StringComparison.Ordinal), "IOM Kazakhstan".Length).ToArray(), l => Assert.Equal(2, l));
        Assert.Equal(1, levels[^1]); // the full stop follows the paragraph direction
    }

    [Fact]
    public void Runs_are_reversed_from_the_highest_level_down()
    {
        // Logical runs: Arabic(1) number(2) Arabic(1) Latin(2) at paragraph level 1.
        var order = BidiResolver.VisualOrder([1, 2, 1, 2]);

        Assert.Equal([3, 2, 1, 0], order);
    }

    [Fact]
    public void A_left_to_right_line_with_an_embedded_right_to_left_run_keeps_its_outer_order()
    {
        var order = BidiResolver.VisualOrder([0, 1, 1, 0]);

        Assert.Equal([0, 2, 1, 3], order);
    }

    [Fact]
    public void Paragraph_direction_follows_the_first_strong_character()
    {
        Assert.True(BidiResolver.StartsRightToLeft("«مرحبا» hello"));
        Assert.False(BidiResolver.StartsRightToLeft("2014 Astana مرحبا"));
    }
}
