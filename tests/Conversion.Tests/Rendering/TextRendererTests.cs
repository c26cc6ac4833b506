using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Text;
using static PressPipeline.Conversion.Tests.Rendering.TestReleases;

namespace PressPipeline.Conversion.Tests.Rendering;

public class TextRendererTests
{
    private static readonly TextRenderer Renderer = new();

    private static string Render(PressRelease release, RenderContext? context = null) => RenderedHtml.Text(Renderer, release, context);

    [Fact]
    public void Lines_fit_72_columns_except_addresses_that_cannot_be_broken()
    {
        const string longUrl = "https://www.example.org/a/very/long/path/that/goes/on/and/on/and/never/stops/until/it/passes/the/margin";
        var release = WithBody(
            P(T(string.Join(' ', Enumerable.Repeat("Migration and development are highly interdependent processes.", 8)))),
            P(T("Read more at " + longUrl + " today.")),
            P(T(new string('Ж', 150))));

        var lines = Render(release).Split('\n');

        Assert.All(lines.Where(l => !l.Contains("https://", StringComparison.Ordinal)), l => Assert.True(TextWrapper.Columns(l) <= 72, l));
        Assert.Contains(longUrl, lines);
    }

    [Fact]
    public void Links_become_numbered_references_listed_at_the_end()
    {
        var text = Render(Sample());

        Assert.Contains("(Astana Economic Forum [1])", text, StringComparison.Ordinal);
        Assert.Contains("[1] http://www.astanaforum.org/2014/", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("[1] http", StringComparison.Ordinal) > text.IndexOf("###", StringComparison.Ordinal));
    }

    [Fact]
    public void Headline_is_underlined_and_the_embargo_is_given_with_its_zone()
    {
        var lines = Render(Sample()).Split('\n');

        Assert.Equal("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6)", lines[0]);
        var title = Array.IndexOf(lines, Sample().Metadata.Title);
        Assert.True(title > 0);
        Assert.Matches("^=+$", lines[title + 1]);
    }

    [Fact]
    public void List_items_have_markers_and_wrapped_lines_hang_under_the_text()
    {
        var longItem = string.Join(' ', Enumerable.Repeat("labour migration in the region", 5));
        var release = WithBody(
            new ListBlock(ListStyle.Decimal, 1, [new ListItem([P(T(longItem))], "1."), new ListItem([P(T("short")), new ListBlock(ListStyle.Bullet, 1, [new ListItem([P(T("nested"))], "•")])], "2.")]));

        var lines = Render(release).Split('\n').SkipWhile(l => !l.StartsWith("1. ", StringComparison.Ordinal)).ToList();

        Assert.StartsWith("1. labour", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("   migration", lines[1], StringComparison.Ordinal);
        Assert.Contains("2. short", lines);
        Assert.Contains("   - nested", lines);
    }

    [Fact]
    public void Narrow_table_is_drawn_as_a_grid_with_a_rule_under_the_header()
    {
        var lines = Render(Sample()).Split('\n');

        var header = Array.FindIndex(lines, l => l.StartsWith("Time", StringComparison.Ordinal));
        Assert.Equal("Time        | Session", lines[header]);
        Assert.Matches("^-+\\+-+$", lines[header + 1]);
        Assert.Equal("11:30       | Opening remarks", lines[header + 2]);
    }

    [Fact]
    public void Wide_table_is_written_as_labelled_records()
    {
        var wide = string.Join(' ', Enumerable.Repeat("a long description of the session", 3));
        var table = new Table(
            [
                new TableRow([new TableCell([P(T("Session"))]), new TableCell([P(T("Description"))])]),
                new TableRow([new TableCell([P(T("Opening"))]), new TableCell([P(T(wide))])]),
            ],
            [],
            1);

        var lines = Render(WithBody(table)).Split('\n');

        Assert.Contains("Session: Opening", lines);
        Assert.Contains(lines, l => l.StartsWith("Description: a long description", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(TextWrapper.Columns(l) <= 72, l));
    }

    [Fact]
    public void Footnotes_are_marked_and_listed()
    {
        var text = Render(Sample());

        Assert.Contains(".[^1]", text, StringComparison.Ordinal);
        Assert.Contains("[^1] The forum takes place every May.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dangerous_link_is_dropped_with_a_warning_and_keeps_its_text()
    {
        var result = Renderer.Render(WithBody(P(new Hyperlink(new Uri("javascript:alert(1)"), [T("click")]))), RenderContext.Local);
        var text = System.Text.Encoding.UTF8.GetString(result.Value.Content.Span);

        Assert.Contains("click", text, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", text, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Code == "link.scheme-dropped");
    }

    [Fact]
    public void Graphemes_count_as_one_column_each()
    {
        Assert.Equal(3, TextWrapper.Columns("e\u0301ab"));
        Assert.Equal(5, TextWrapper.Columns("Қазақ"));
    }

    [Fact]
    public void Cyrillic_text_is_kept_as_written()
    {
        var text = Render(WithBody(P(T("Астана, 14 мая 2014 г. — Международная организация по миграции"))));

        Assert.Contains("Астана, 14 мая 2014 г. — Международная организация по миграции", text, StringComparison.Ordinal);
    }
}
