using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Conversion.Rendering.Web;
using PressPipeline.Conversion.Results;
using PressPipeline.Conversion.Tests.Docx;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>
/// The renderers' own warnings say where they are, as the reader's do: the paragraph (or table cell) holding the
/// picture or link, with its first words and the picture's file; the e-mail's size is about the whole document.
/// Documents from python-docx (Fixtures/Producers/sources/make-places.py). In places-en.docx the body's paragraphs
/// are 1 the release line, 2 the headline, 3 the dateline, 4 "Delegates from five countries…", 5 the picture (its
/// file cut in half), 6 "The agenda of the day:"; table 1 has "中文" in row 2, cell 2.
/// </summary>
public sealed class RendererWarningPlaceTests
{
    private static ConvertedRelease Convert(string file)
    {
        using var stream = File.OpenRead(Corpus.Fixture("Producers/python-docx", file));
        return Assert.IsType<ConversionOutcome.Converted>(ReleaseConverter.CreateDefault().Convert(stream, RenderContext.Local)).Release;
    }

    private static PressRelease Read(string file)
    {
        using var stream = File.OpenRead(Corpus.Fixture("Producers/python-docx", file));
        return new WordReader(ConversionLimits.Default).Read(stream).Value;
    }

    [Fact]
    public void A_picture_the_PDF_cannot_draw_names_its_paragraph_and_its_file()
    {
        var warnings = Convert("places-en.docx").Warnings.Where(w => w.Code == "pdf.image-unreadable").ToList();

        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Equal(new WarningLocation("paragraph", 5) { File = "image1.png" }, w.Location));
        Assert.Equal("paragraph 5, picture image1.png", warnings[0].Location!.Display);
    }

    [Fact]
    public void Characters_the_PDF_has_no_font_for_name_the_table_cell_they_are_in()
    {
        var warning = Assert.Single(Convert("places-en.docx").Warnings, w => w.Code == "pdf.font-missing");

        Assert.Equal("table", warning.Location!.Kind);
        Assert.Equal((1, 2, 2), (warning.Location.Index, warning.Location.Row, warning.Location.Cell));
        Assert.StartsWith("Opening remarks:", warning.Location.Near, StringComparison.Ordinal);
        Assert.StartsWith("table 1, row 2, cell 2, near “Opening remarks:", warning.Location.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_too_large_for_Gmail_is_about_the_whole_document_and_says_so()
    {
        var warning = Assert.Single(Convert("long-en.docx").Warnings, w => w.Code == "email.too-large");

        Assert.Equal(WarningLocation.Document, warning.Location);
        Assert.Equal("the whole document", warning.Location!.Display);
        Assert.EndsWith("— the whole document", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_a_variant_drops_names_the_paragraph_it_was_in_for_web_email_and_text()
    {
        // The reader never lets an ftp: link through; a model another reader built might, and every variant drops it again.
        var read = Read("places-en.docx");
        var release = read with { Body = [.. read.Body.Select(b => b is Paragraph { Place.Index: 4 } p ? p with { Content = [.. p.Content, new Text(" "), new Hyperlink(new Uri("ftp://files.example.org/agenda"), [new Text("agenda")])] } : b)] };

        var warnings = new IVariantRenderer[] { new WebRenderer(), new EmailRenderer(), new TextRenderer() }
            .SelectMany(r => r.Render(release, RenderContext.Local).Warnings)
            .Where(w => w.Code == "link.scheme-dropped")
            .ToList();

        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w =>
        {
            Assert.Equal(("paragraph", (int?)4), (w.Location!.Kind, w.Location.Index));
            Assert.StartsWith("Delegates from five countries", w.Location.Near, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_picture_with_no_data_names_the_paragraph_that_shows_it()
    {
        var read = Read("places-en.docx");
        var release = read with { Body = [.. read.Body.Select(b => b is Paragraph { Place.Index: 6 } p ? p with { Content = [.. p.Content, new Image("image99", "Map", 100, 50)] } : b)] };

        var warning = Assert.Single(new WebRenderer().Render(release, RenderContext.Local).Warnings, w => w.Code == "image.missing");

        Assert.Equal(new WarningLocation("paragraph", 6, "The agenda of the day:"), warning.Location);
    }

    [Fact]
    public void Blocks_keep_only_their_place_numbers_from_the_reader()
    {
        var body = Read("places-en.docx").Body;

        Assert.Equal(new SourcePlace("paragraph", 4), body.OfType<Paragraph>().First(p => p.Place.Index == 4).Place);
        var table = Assert.Single(body.OfType<Table>());
        Assert.Equal(new SourcePlace("table", 1), table.Place);
        Assert.Equal(new SourcePlace("table", 1, 2, 2), table.Rows[1].Cells[1].Blocks[0].Place);
    }
}
