using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>
/// The structure mammoth.js's own tests expect from its fixtures (Fixtures/mammoth/EXPECTED.md), checked
/// on the model: renderers then draw it.
/// </summary>
public sealed class MammothFixtureTests
{
    private static Result<PressRelease> Read(string file)
    {
        using var stream = File.OpenRead(Corpus.Fixture("mammoth", file));
        return new WordReader(ConversionLimits.Default).Read(stream);
    }

    private static Paragraph Only(PressRelease release) => Assert.IsType<Paragraph>(Assert.Single(release.Body));

    [Theory]
    [InlineData("single-paragraph.docx", "Walking on imported air")]
    [InlineData("utf8-bom.docx", "This XML has a byte order mark.")]
    [InlineData("strict-format.docx", "Test")]
    [InlineData("text-box.docx", "Datum plane")]
    [InlineData("comments.docx", "Ouch.")]
    [InlineData("embedded-style-map.docx", "Walking on imported air")]
    public void Single_paragraph_files_read_as_one_paragraph(string file, string text)
    {
        Assert.Equal(text, ModelText.Of(Only(Read(file).Value).Content));
    }

    [Fact]
    public void Empty_document_has_no_body()
    {
        Assert.Empty(Read("empty.docx").Value.Body);
    }

    [Fact]
    public void Simple_list_is_a_bulleted_list_of_two()
    {
        var list = Assert.IsType<ListBlock>(Assert.Single(Read("simple-list.docx").Value.Body));
        Assert.Equal(ListStyle.Bullet, list.Style);
        Assert.Equal(["Apple", "Banana"], list.Items.Select(i => ModelText.Of(i.Blocks[0])));
    }

    [Fact]
    public void Table_sits_between_its_paragraphs()
    {
        var body = Read("tables.docx").Value.Body;
        Assert.Equal("Above", ModelText.Of(body[0]));
        var table = Assert.IsType<Table>(body[1]);
        Assert.Equal(["Top left", "Top right", "Bottom left", "Bottom right"], table.Rows.SelectMany(r => r.Cells).Select(c => ModelText.Of(c.Blocks[0])));
        Assert.Equal("Below", ModelText.Of(body[2]));
    }

    [Theory]
    [InlineData("footnotes.docx", NoteKind.Footnote, "1", "2")]
    [InlineData("endnotes.docx", NoteKind.Endnote, "2", "3")]
    public void Notes_are_numbered_one_and_two_with_their_text(string file, NoteKind kind, string firstId, string secondId)
    {
        var release = Read(file).Value;
        var paragraph = Only(release);
        Assert.Equal("Ouch.", ModelText.Of(paragraph.Content));
        var references = paragraph.Content.OfType<NoteReference>().ToList();
        Assert.Equal([(kind, firstId, 1), (kind, secondId, 2)], references.Select(r => (r.Kind, r.NoteId, r.Number)));
        Assert.Equal([" A tachyon walks into a bar.", " Fin."], release.Notes.Select(n => ModelText.Of(n.Blocks[0])));
    }

    [Fact]
    public void Footnote_hyperlink_resolves_against_the_footnotes_part()
    {
        var note = Assert.Single(Read("footnote-hyperlink.docx").Value.Notes);
        var link = Assert.IsType<Hyperlink>(Assert.IsType<Paragraph>(note.Blocks[0]).Content.OfType<Hyperlink>().Single());
        Assert.Equal("http://www.example.com/", link.Target.ToString());
        Assert.Equal("Example", ModelText.Of(link.Content));
    }

    [Theory]
    [InlineData("tiny-picture.docx")]
    [InlineData("tiny-picture-target-base-relative.docx")]
    public void Tiny_picture_is_the_expected_png(string file)
    {
        var release = Read(file).Value;
        Assert.IsType<Image>(Assert.Single(Only(release).Content));
        var resource = Assert.Single(release.Images);
        Assert.Equal("image/png", resource.ContentType);
        Assert.Equal(File.ReadAllBytes(Corpus.Fixture("mammoth", "tiny-picture.png")), resource.Data.ToArray());
        Assert.Equal((10, 10), (resource.PixelWidth, resource.PixelHeight));
    }

    [Fact]
    public void External_picture_is_not_fetched_and_says_so()
    {
        var result = Read("external-picture.docx");
        Assert.Empty(result.Value.Images);
        Assert.Contains(result.Warnings, w => w.Code == "image.external");
    }

    [Fact]
    public void Bold_run_contains_the_underlined_word()
    {
        var content = Only(Read("underline.docx").Value).Content.Cast<Text>().ToList();
        Assert.Equal("The Sunset Tree", string.Concat(content.Select(t => t.Value)));
        Assert.All(content, t => Assert.True(t.Style.HasFlag(TextStyle.Bold)));
        Assert.Equal(TextStyle.Bold | TextStyle.Underline, content.Single(t => t.Value == "Sunset").Style);
    }

    [Fact]
    public void Strikethrough_is_kept()
    {
        var content = Only(Read("strikethrough.docx").Value).Content.Cast<Text>().ToList();
        Assert.Equal(("Today's Special: Salmon", TextStyle.Strikethrough), (content[0].Value, content[0].Style));
        Assert.Equal((" Sold out", TextStyle.None), (content[1].Value, content[1].Style));
    }
}
