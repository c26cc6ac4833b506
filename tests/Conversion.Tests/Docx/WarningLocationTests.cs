using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>Every warning says where it is, in words a press officer can use to find the spot in Word.</summary>
public sealed class WarningLocationTests
{
    private static Result<PressRelease> ReadFixture(string folder, string file)
    {
        using var stream = File.OpenRead(Corpus.Fixture(folder, file));
        return new WordReader(ConversionLimits.Default).Read(stream);
    }

    private static IReadOnlyList<ConversionWarning> PandocWarnings { get; } = ReadFixture("Producers/pandoc", "warnings-en.docx").Warnings;

    [Fact]
    public void A_warning_in_a_body_paragraph_names_the_paragraph_and_its_first_words()
    {
        // The paragraph with two ftp: links is the body's fourth (release line, headline, dateline paragraph, this one).
        var warning = Assert.Single(PandocWarnings, w => w.Code == "link.scheme-dropped" && w.Message.Contains("\"ftp:\"", StringComparison.Ordinal));

        Assert.Equal(new WarningLocation("paragraph", 4, "The programme is on the old intranet and…"), warning.Location);
        Assert.Equal("paragraph 4, near “The programme is on the old intranet and…”", warning.Location!.Display);
        Assert.Equal(2, warning.Count);
    }

    [Fact]
    public void A_warning_in_a_table_names_the_table_row_and_cell()
    {
        // Row 1 is the header row; "10:30 | Recruitment, see the speaker's notes" is row 3, its link in cell 2.
        var warning = Assert.Single(PandocWarnings, w => w.Code == "link.relative-dropped");

        Assert.Equal(new WarningLocation("table", 1, "Recruitment, see the speaker’s notes") { Row = 3, Cell = 2 }, warning.Location);
        Assert.Equal("table 1, row 3, cell 2, near “Recruitment, see the speaker’s notes”", warning.Location!.Display);
    }

    [Fact]
    public void A_warning_in_a_footnote_names_the_footnote_by_the_number_it_is_shown_with()
    {
        var warning = Assert.Single(PandocWarnings, w => w.Code == "link.scheme-dropped" && w.Message.Contains("\"smb:\"", StringComparison.Ordinal));

        Assert.Equal("footnote", warning.Location!.Kind);
        Assert.Equal(1, warning.Location.Index);
        Assert.Equal("The grant agreement is on the shared…", warning.Location.Near);
    }

    [Fact]
    public void A_picture_without_alt_text_names_its_paragraph_and_its_file()
    {
        var warning = Assert.Single(PandocWarnings, w => w.Code == "image.alt-missing");

        // The picture stands alone in the body's fifth paragraph, so there are no words to show.
        Assert.Equal(new WarningLocation("paragraph", 5) { File = "image1.png" }, warning.Location);
        Assert.Equal("paragraph 5, picture image1.png", warning.Location!.Display);
    }

    [Fact]
    public void The_same_warning_in_one_paragraph_is_listed_once_with_a_count()
    {
        var runs = string.Concat(Enumerable.Range(1, 30).Select(i => $"<w:r><w:rPr><w:b w:val=\"maybe\"/></w:rPr><w:t xml:space=\"preserve\">run {i} </w:t></w:r>"));
        var result = TestDocument.Create().Paragraph("Headline").Body($"<w:p>{runs}</w:p>").Read();

        var warning = Assert.Single(result.Warnings, w => w.Code == Attr.UnrecognisedCode);
        Assert.Equal(30, warning.Count);
        Assert.Equal(new WarningLocation("paragraph", 2, "run 1 run 2 run 3 run 4 run 5 run 6 run…"), warning.Location);
        Assert.EndsWith("(30 times)", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void One_warning_in_many_places_lists_the_first_places_and_counts_the_rest_elsewhere()
    {
        var document = TestDocument.Create();
        for (var i = 1; i <= Warnings.MaxPlaces + 5; i++)
        {
            document.Paragraph($"Paragraph {i}", runProperties: "<w:b w:val=\"maybe\"/>");
        }

        var warnings = document.Read().Warnings.Where(w => w.Code == Attr.UnrecognisedCode).ToList();

        Assert.Equal(Warnings.MaxPlaces + 1, warnings.Count);
        Assert.Equal(Enumerable.Range(1, Warnings.MaxPlaces), warnings.Take(Warnings.MaxPlaces).Select(w => w.Location!.Index!.Value));
        Assert.Equal($"Paragraph {Warnings.MaxPlaces}", warnings[Warnings.MaxPlaces - 1].Location!.Near);
        Assert.Equal(WarningLocation.Elsewhere, warnings[^1].Location);
        Assert.Equal(5, warnings[^1].Count);
    }

    [Fact]
    public void An_embargo_line_that_cannot_be_read_is_warned_about_at_its_paragraph()
    {
        var result = TestDocument.Create().Paragraph("EMBARGOED UNTIL the day after the meeting").Paragraph("Headline", style: "Title").Read();

        var warning = Assert.Single(result.Warnings, w => w.Code == "embargo.unparsed");
        Assert.Equal(new WarningLocation("paragraph", 1, "EMBARGOED UNTIL the day after the…"), warning.Location);
    }

    [Fact]
    public void A_note_mark_without_its_note_names_the_note_by_its_number()
    {
        var result = TestDocument.Create().Footnote(1, "A real note.")
            .Body("<w:p><w:r><w:t>First</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r><w:r><w:t>second</w:t></w:r><w:r><w:footnoteReference w:id=\"9\"/></w:r></w:p>")
            .Read();

        var warning = Assert.Single(result.Warnings, w => w.Code == "note.missing");
        Assert.Equal(new WarningLocation("footnote", 2), warning.Location);
    }

    [Fact]
    public void Warnings_about_the_whole_document_have_no_location()
    {
        var result = TestDocument.Create().Paragraph("FOR IMMEDIATE RELEASE").Paragraph("Astana, May 14, 2014 – Text without a headline.").Read();

        var warning = Assert.Single(result.Warnings, w => w.Code == "release.no-headline");
        Assert.Null(warning.Location);
        Assert.Equal(warning.Message, warning.ToString());
    }

    [Theory]
    [InlineData("The ministry said that the round table would open on 22 May", "The ministry said that the round table…")]
    [InlineData("  Short\ttext \n here ", "Short text here")]
    [InlineData("Exactly forty characters long, all told.", "Exactly forty characters long, all told.")]
    [InlineData("Onewordthatislongerthanfortycharactersbyfarandmore", "Onewordthatislongerthanfortycharactersby…")]
    [InlineData("   ", null)]
    public void Near_text_is_the_first_words_cut_at_a_word_near_forty_characters(string text, string? expected)
    {
        Assert.Equal(expected, WarningLocation.FirstWords(text));
    }
}
