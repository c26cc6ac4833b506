using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>Only the main story is body text: comments, headers and footers never are.</summary>
public sealed class StoryBoundaryTests
{
    private static Result<PressRelease> ReadFixture(string folder, string file)
    {
        using var stream = File.OpenRead(Corpus.Fixture(folder, file));
        return new WordReader(ConversionLimits.Default).Read(stream);
    }

    [Fact]
    public void Headers_and_footers_are_not_body_text()
    {
        var body = string.Join("\n", ReadFixture("python-docx", "hdr-header-footer.docx").Value.Body.Select(ModelText.Of));
        Assert.Equal("section with header\nsection without header of its own.", body);
        Assert.DoesNotContain("Header for section-1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Footer for section", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_are_not_body_text()
    {
        var release = ReadFixture("mammoth", "comments.docx").Value;
        Assert.Equal("Ouch.", ModelText.Of(Assert.Single(release.Body)));
        Assert.DoesNotContain("tachyon", string.Join(" ", release.Body.Select(ModelText.Of)), StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_run_fixture_shows_no_hidden_text()
    {
        var text = ModelText.Of(Assert.Single(ReadFixture("clippit", "HC019-Hidden-Run.docx").Value.Body));
        Assert.StartsWith("Video provides a powerful way to help you prove your point. You can also type", text, StringComparison.Ordinal);
        Assert.DoesNotContain("When you click Online Video", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wingdings_symbol_fixture_becomes_a_unicode_character()
    {
        Assert.Equal("Now is the ☺ time.", ModelText.Of(Assert.Single(ReadFixture("clippit", "HC021-Symbols.docx").Value.Body)));
    }

    [Fact]
    public void Tracked_revisions_fixture_keeps_insertions_and_drops_deleted_text()
    {
        var result = ReadFixture("clippit", "RA001-Tracked-Revisions-01.docx");
        var text = string.Join("\n", result.Value.Body.Select(ModelText.Of));
        Assert.Contains("Sample preparation-2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chromatpgrams", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hyperlink_style_underline_is_not_emphasis()
    {
        var release = ReadFixture("python-docx", "par-hyperlinks.docx").Value;
        var linkTexts = ModelText.AllInlines(release.Body).OfType<Hyperlink>().SelectMany(l => l.Content).OfType<Text>().ToList();
        Assert.NotEmpty(linkTexts);
        Assert.All(linkTexts, t => Assert.False(t.Style.HasFlag(TextStyle.Underline)));
    }

    [Fact]
    public void Table_of_contents_links_point_at_heading_anchors()
    {
        var release = ReadFixture("clippit", "HC022-Table-Of-Contents.docx").Value;
        var targets = ModelText.AllInlines(release.Body).OfType<InternalLink>().Select(l => l.AnchorId).ToList();
        var anchors = release.Body.OfType<Heading>().Select(h => h.AnchorId).ToHashSet();
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.Contains(t, anchors));
    }

    [Fact]
    public void Russian_ordinal_headings_fixture_is_numbered_in_words()
    {
        var headings = ReadFixture("clippit", "LIR007-ru-RU-ordinalText.docx").Value.Body.OfType<Heading>().Take(3).Select(h => ModelText.Of(h.Content)).ToList();
        Assert.StartsWith("первый", headings[0], StringComparison.Ordinal);
        Assert.StartsWith("второй", headings[1], StringComparison.Ordinal);
        Assert.StartsWith("третий", headings[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Right_to_left_documents_say_so()
    {
        var release = ReadFixture("clippit", "HC002-Hebrew-01.docx").Value;
        Assert.Equal(TextDirection.RightToLeft, release.Metadata.Direction);
        Assert.StartsWith("he", release.Metadata.Language, StringComparison.Ordinal);
    }

    [Fact]
    public void Merged_cells_fixture_has_row_and_column_spans()
    {
        var tables = ReadFixture("python-docx", "tbl-cell-access.docx").Value.Body.OfType<Table>().ToList();
        Assert.Equal(2, tables[1].Rows[1].Cells[0].ColumnSpan);
        Assert.Equal(2, tables[2].Rows[1].Cells[1].RowSpan);
        Assert.Equal((2, 2), (tables[3].Rows[1].Cells[0].ColumnSpan, tables[3].Rows[1].Cells[0].RowSpan));
    }

    [Fact]
    public void Charts_and_linked_pictures_are_reported_not_silently_lost()
    {
        var codes = ReadFixture("python-docx", "shp-inline-shape-access.docx").Warnings.Select(w => w.Code).ToList();
        Assert.Contains("chart.dropped", codes);
        Assert.Contains("image.external", codes);
    }
}
