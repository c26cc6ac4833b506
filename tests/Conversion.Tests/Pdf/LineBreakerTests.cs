using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Text;
using PressPipeline.Conversion.Rendering.Pdf.Theme;
using SkiaSharp;

namespace PressPipeline.Conversion.Tests.Pdf;

public sealed class LineBreakerTests
{
    private static readonly FontLibrary Fonts = FontLibrary.For(PdfTheme.Default.Fonts);

    private static (ShapedParagraph Paragraph, List<string> Lines) Break(string text, float width)
    {
        var style = new RunStyle(11, SKColors.Black);
        using var shaper = new ParagraphShaper(Fonts, "en");
        var paragraph = shaper.Shape(text, [new StyleRange(0, text.Length, style)], BidiResolver.ResolveLevels(text, false));
        var lines = LineBreaker.Break(paragraph, width);
        return (paragraph, lines.Select(l => text[l.Start..l.VisibleEnd]).ToList());
    }

    [Fact]
    public void Lines_break_at_spaces_and_never_exceed_the_width()
    {
        var text = string.Join(' ', Enumerable.Repeat("migration and development", 20));
        var (paragraph, lines) = Break(text, 200);

        Assert.True(lines.Count > 3);
        Assert.All(lines, line => Assert.False(line.StartsWith(' ') || line.EndsWith(' ')));
        var offset = 0;
        foreach (var line in lines)
        {
            var start = text.IndexOf(line, offset, StringComparison.Ordinal);
            Assert.True(paragraph.Width(start, start + line.Length) <= 200);
            offset = start + line.Length;
        }
    }

    [Fact]
    public void A_hyphenated_word_may_break_after_its_hyphen()
    {
        const string text = "Roundtable on South-South migration";
        var (measured, _) = Break(text, 1000);
        var (_, lines) = Break(text, measured.Width(0, "Roundtable on South-".Length) + 2);

        Assert.Contains(lines, line => line.EndsWith("South-", StringComparison.Ordinal));
    }

    [Fact]
    public void No_break_spaces_and_non_breaking_hyphens_hold_words_together()
    {
        var (_, lines) = Break("Astana 22\u00A0May 2014 and South\u2011South", 70);

        Assert.True(lines.Count >= 3);
        Assert.Contains(lines, line => line.Contains("22\u00A0May", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("South\u2011South", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_url_breaks_after_slashes()
    {
        var url = "https://www.iom.int/news/central-asia/roundtable-migration-development-customs-union";
        var (_, lines) = Break(url, 150);

        Assert.True(lines.Count >= 2);
        Assert.Equal(url, string.Concat(lines));
        Assert.Contains(lines[..^1], line => line.EndsWith('/') || line.EndsWith('-'));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_between_letters()
    {
        var word = new string('W', 80);
        var (paragraph, lines) = Break(word, 100);

        Assert.True(lines.Count > 3);
        Assert.Equal(word, string.Concat(lines));
        Assert.All(lines, line => Assert.True(paragraph.Width(0, line.Length) <= 100));
    }

    [Fact]
    public void Forced_line_breaks_end_a_line_and_stop_justification()
    {
        var (_, lines) = Break("First line\nSecond line", 400);

        Assert.Equal(["First line", "Second line"], lines);
    }

    [Fact]
    public void A_paragraph_of_justified_lines_fills_the_column_except_the_last_line()
    {
        using var layouter = new ParagraphLayouter(Fonts, "en", 1.3f);
        var styled = new StyledText();
        styled.Append(string.Join(' ', Enumerable.Repeat("migration and development are interdependent", 10)), new RunStyle(11, SKColors.Black));

        var items = layouter.Layout(styled, 300, Alignment.Justify, TextDirection.LeftToRight);

        static float Right(FlowItem item) => item.Drawables.OfType<GlyphRunDrawable>()
            .Max(run => run.Origin.X + run.Positions[^1].X + run.Font.GetGlyphWidths(run.Glyphs)[^1]);
        Assert.All(items.SkipLast(1), item => Assert.InRange(Right(item), 298, 301));
        Assert.True(Right(items[^1]) < 290);
    }
}
