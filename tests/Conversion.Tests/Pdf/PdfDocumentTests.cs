using System.Text;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;
using PressPipeline.Conversion.Rendering.Pdf.Theme;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Tokens;
using ModelText = PressPipeline.Conversion.Model.Text;

namespace PressPipeline.Conversion.Tests.Pdf;

public sealed class PdfDocumentTests
{
    private static byte[] Render(PressRelease release) => new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray();

    [Fact]
    public void Renderer_writes_release_pdf_as_the_pdf_variant()
    {
        var file = new PdfRenderer().Render(PdfSamples.English(), RenderContext.Local).Value;

        Assert.Equal("pdf", file.Variant);
        Assert.Equal("release.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(file.Content.Span[..5]), StringComparison.Ordinal);
    }

    [Fact]
    public void Same_release_gives_byte_identical_pdfs()
    {
        var first = Render(PdfSamples.English());
        var second = Render(PdfSamples.English());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_releases_get_different_document_ids()
    {
        static string Id(byte[] pdf)
        {
            var match = System.Text.RegularExpressions.Regex.Match(Encoding.ASCII.GetString(pdf), @"/ID\s*\[\s*<([0-9A-Fa-f]{32})>", System.Text.RegularExpressions.RegexOptions.RightToLeft);
            Assert.True(match.Success, "the trailer has a document ID");
            return match.Groups[1].Value;
        }

        Assert.NotEqual(Id(Render(PdfSamples.English())), Id(Render(PdfSamples.Kazakh())));
    }

    [Fact]
    public void Metadata_comes_from_the_document_not_the_clock()
    {
        using var document = PdfDocument.Open(Render(PdfSamples.English()));

        var info = document.Information;
        Assert.Equal("IOM Roundtable “Migration and Development in the Customs’ Union”", info.Title);
        Assert.Equal("IOM Central Asia", info.Author);
        Assert.Equal("Migration and development", info.Subject);
        Assert.Equal("migration, Customs Union", info.Keywords);
        Assert.StartsWith("D:20140514090000", info.CreationDate, StringComparison.Ordinal);
        Assert.StartsWith("D:20140515103000", info.ModifiedDate, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_declares_PDF_A_2b_in_its_XMP_metadata()
    {
        using var document = PdfDocument.Open(Render(PdfSamples.English()));

        Assert.True(document.TryGetXmpMetadata(out var xmp));
        var xml = Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray());
        Assert.Contains("<pdfaid:part>2</pdfaid:part>", xml, StringComparison.Ordinal);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Hyperlinks_become_clickable_URI_annotations_over_their_text()
    {
        using var document = PdfDocument.Open(Render(PdfSamples.English()));
        var page = document.GetPage(1);

        var link = Assert.Single(page.GetAnnotations(), a => a.Type == AnnotationType.Link && a.Action is UglyToad.PdfPig.Actions.UriAction);
        Assert.Equal("https://www.iom.int/", ((UglyToad.PdfPig.Actions.UriAction)link.Action!).Uri);
        var words = page.GetWords().Where(w => w.Text.StartsWith("www.iom.int", StringComparison.Ordinal)).ToList();
        Assert.Contains(words, w => Overlaps(link.Rectangle, w.BoundingBox));
    }

    [Fact]
    public void Internal_links_and_note_references_jump_to_named_destinations()
    {
        var pdf = Render(PdfSamples.English());
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);

        var internalLinks = page.GetAnnotations().Where(a => a.Type == AnnotationType.Link && a.Action is not UglyToad.PdfPig.Actions.UriAction).ToList();
        Assert.Equal(2, internalLinks.Count); // "key issues" and the footnote mark "1"
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/a-key-issues", raw, StringComparison.Ordinal);
        Assert.Contains("/fn-1", raw, StringComparison.Ordinal);
        Assert.Contains("/Dests", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_are_embedded_as_subsets()
    {
        var pdf = Render(PdfSamples.English());
        using var document = PdfDocument.Open(pdf);

        var fontNames = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fontNames);
        Assert.All(fontNames, name => Assert.Matches("^[A-Z]{6}\\+", name));
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);

        // Carlito Regular alone is 636 KB: a whole embedded face could not fit.
        Assert.True(pdf.Length < 120_000, $"PDF is {pdf.Length} bytes");
    }

    [Fact]
    public void Pictures_are_drawn_scaled_to_the_column_keeping_their_aspect()
    {
        var image = PdfSamples.Png("image1", 800, 400);
        var release = PdfSamples.English([image], [new Paragraph([new Image("image1", "Roundtable hall", 1200, 600)])]);

        var result = new PdfRenderer().Render(release, RenderContext.Local);
        using var document = PdfDocument.Open(result.Value.Content.ToArray());

        var pictures = document.GetPages().SelectMany(p => p.GetImages()).ToList();
        var picture = Assert.Single(pictures);
        var bounds = picture.BoundingBox;
        var contentWidth = PdfTheme.Default.Page.ContentWidth;
        Assert.InRange(bounds.Width, contentWidth - 1, contentWidth + 1);
        Assert.InRange(bounds.Width / bounds.Height, 1.99, 2.01);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void An_opaque_png_is_embedded_as_jpeg_and_a_transparent_one_keeps_its_soft_mask()
    {
        var opaque = PdfSamples.Png("image1", 400, 200);
        var transparent = PdfSamples.Png("image2", 400, 200, SKColors.Transparent);
        var release = PdfSamples.English([opaque, transparent], [
            new Paragraph([new Image("image1", "Opaque", 300, 150)]),
            new Paragraph([new Image("image2", "Transparent", 300, 150)]),
        ]);

        var result = new PdfRenderer().Render(release, RenderContext.Local);
        using var document = PdfDocument.Open(result.Value.Content.ToArray());

        var pictures = document.GetPages().SelectMany(p => p.GetImages()).ToList();
        Assert.Equal(2, pictures.Count);
        Assert.Equal(NameToken.DctDecode, pictures[0].ImageDictionary.Data[NameToken.Filter.Data]);
        Assert.False(pictures[0].ImageDictionary.ContainsKey(NameToken.Smask));
        Assert.Equal(NameToken.FlateDecode, pictures[1].ImageDictionary.Data[NameToken.Filter.Data]);
        Assert.True(pictures[1].ImageDictionary.ContainsKey(NameToken.Smask));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_picture_whose_header_reads_but_whose_pixels_do_not_is_left_out_with_a_warning()
    {
        var whole = PdfSamples.Png("image3", 400, 200).Data;
        var truncated = new ImageResource("image3", "image3.png", "image/png", whole[..(whole.Length / 2)]);
        var release = PdfSamples.English([truncated], [new Paragraph([new Image("image3", "Delegates", 300, 150)])]);

        var result = new PdfRenderer().Render(release, RenderContext.Local);
        using var document = PdfDocument.Open(result.Value.Content.ToArray());

        Assert.Empty(document.GetPages().SelectMany(p => p.GetImages()));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("pdf.image-unreadable", warning.Code);
        Assert.Contains("image3.png", warning.Message, StringComparison.Ordinal);
        Assert.Contains("IOM Roundtable", PdfReadBack.Text(result.Value.Content.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_picture_that_cannot_be_decoded_becomes_a_placeholder_and_a_warning()
    {
        var broken = new ImageResource("image9", "image9.png", "image/png", new byte[] { 1, 2, 3, 4, 5 });
        var release = PdfSamples.English([broken], [new Paragraph([new Image("image9", "Signing ceremony", 300, 200)])]);

        var result = new PdfRenderer().Render(release, RenderContext.Local);

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("pdf.image-unreadable", warning.Code);
        Assert.Contains("image9.png", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Signing ceremony", PdfReadBack.Text(result.Value.Content.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_report_runs_over_many_pages_with_page_N_of_M_on_each()
    {
        var pdf = Render(PdfSamples.LongReport(60));
        using var document = PdfDocument.Open(pdf);

        var count = document.NumberOfPages;
        Assert.InRange(count, 15, 60);
        for (var n = 1; n <= count; n++)
        {
            var words = string.Join(' ', document.GetPage(n).GetWords().Select(w => w.Text));
            Assert.Contains($"Page {n} of {count}", words, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_chapter_of_a_long_report_is_present_in_order()
    {
        var text = PdfReadBack.Text(Render(PdfSamples.LongReport(60)));

        var last = -1;
        for (var c = 1; c <= 60; c++)
        {
            var at = text.IndexOf($"Chapter {c}: Migration figures", StringComparison.Ordinal);
            Assert.True(at > last, $"Chapter {c} heading missing or out of order");
            last = at;
        }
    }

    [Fact]
    public void Us_Letter_is_a_theme_option()
    {
        var theme = PdfTheme.Default with { Page = PdfTheme.Default.Page with { Size = "Letter" } };

        using var document = PdfDocument.Open(new PdfRenderer(theme).Render(PdfSamples.English(), RenderContext.Local).Value.Content.ToArray());

        Assert.Equal(612, document.GetPage(1).Width, 0.5);
        Assert.Equal(792, document.GetPage(1).Height, 0.5);
    }

    [Fact]
    public void Default_page_is_A4()
    {
        using var document = PdfDocument.Open(Render(PdfSamples.English()));

        Assert.Equal(595.3, document.GetPage(1).Width, 0.5);
        Assert.Equal(841.9, document.GetPage(1).Height, 0.5);
    }

    [Fact]
    public void Table_header_rows_repeat_on_every_page_the_table_reaches()
    {
        var rows = new List<TableRow> { new([PdfSamples.Cell("Participant"), PdfSamples.Cell("Organisation")]) };
        for (var i = 1; i <= 120; i++)
        {
            rows.Add(new TableRow([PdfSamples.Cell($"Person {i}"), PdfSamples.Cell("Ministry of Labour")]));
        }

        var release = PdfSamples.Simple("Participants", "en", TextDirection.LeftToRight, [new Table(rows, [200, 200], 1)]);
        using var document = PdfDocument.Open(Render(release));

        Assert.True(document.NumberOfPages >= 3);
        foreach (var page in document.GetPages())
        {
            Assert.Contains("Participant", page.GetWords().Select(w => w.Text));
        }
    }

    [Fact]
    public void A_table_row_taller_than_a_page_is_split_across_pages_without_losing_text()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => PdfSamples.Para($"Sentence number {i} of a very long cell that keeps going.")).ToList<Block>();
        var table = new Table([new TableRow([new TableCell([PdfSamples.Para("Notes")]), new TableCell(sentences)])], [80, 320], 0);
        var release = PdfSamples.Simple("Tall row", "en", TextDirection.LeftToRight, [table]);

        var pdf = Render(release);
        using var document = PdfDocument.Open(pdf);

        Assert.True(document.NumberOfPages >= 2);
        var text = PdfReadBack.Text(pdf);
        var last = -1;
        for (var i = 1; i <= 40; i++)
        {
            var at = text.IndexOf($"Sentence number {i} of", StringComparison.Ordinal);
            Assert.True(at > last, $"sentence {i} missing or out of order");
            last = at;
        }
    }

    [Fact]
    public void Spanned_cells_take_the_width_of_the_columns_they_cover()
    {
        var table = new Table(
            [
                new TableRow([PdfSamples.Cell("Merged heading across both columns", columnSpan: 2)]),
                new TableRow([PdfSamples.Cell("Left", rowSpan: 2), PdfSamples.Cell("Right one")]),
                new TableRow([PdfSamples.Cell("Right two")]),
            ],
            [200, 200],
            1);
        var release = PdfSamples.Simple("Spans", "en", TextDirection.LeftToRight, [table]);

        using var document = PdfDocument.Open(Render(release));
        var words = document.GetPage(1).GetWords().ToList();

        var merged = words.Single(w => w.Text == "Merged");
        var right = words.Single(w => w.Text == "Right" && words.Any(o => o.Text == "one" && Math.Abs(o.BoundingBox.Bottom - w.BoundingBox.Bottom) < 1));
        var rightTwo = words.Single(w => w.Text == "Right" && w != right);
        Assert.True(right.BoundingBox.Left > merged.BoundingBox.Left + 150, "the second cell starts in the second column");
        Assert.Equal(right.BoundingBox.Left, rightTwo.BoundingBox.Left, 0.5);
        Assert.True(rightTwo.BoundingBox.Bottom < right.BoundingBox.Bottom, "the covered row sits below");
    }

    [Fact]
    public void Long_urls_and_words_break_inside_rather_than_run_off_the_page()
    {
        var url = "https://www.example.org/" + string.Concat(Enumerable.Repeat("very-long-path-segment/", 12)) + "index.html";
        var release = PdfSamples.Simple("Links", "en", TextDirection.LeftToRight,
            [new Paragraph([new Hyperlink(new Uri(url), [new ModelText(url)])]), PdfSamples.Para(new string('W', 300))]);

        using var document = PdfDocument.Open(Render(release));
        var page = document.GetPage(1);
        var right = (double)(page.Width - PdfTheme.Default.Page.MarginRight);

        Assert.All(page.Letters, letter => Assert.True(letter.BoundingBox.Right <= right + 0.5, $"'{letter.Value}' at {letter.BoundingBox.Right} passes the margin {right}"));
        Assert.Contains(PdfReadBack.Squeeze(url), PdfReadBack.Squeeze(PdfReadBack.Text(Render(release))), StringComparison.Ordinal);
    }

    private static bool Overlaps(UglyToad.PdfPig.Core.PdfRectangle a, UglyToad.PdfPig.Core.PdfRectangle b) =>
        a.Left < b.Right && b.Left < a.Right && a.Bottom < b.Top && b.Bottom < a.Top;
}
