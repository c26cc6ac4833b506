using System.Text;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Tests.Docx;
using PressPipeline.Conversion.Tests.Pdf;
using PressPipeline.Conversion.Tests.Rendering;
using UglyToad.PdfPig;

namespace PressPipeline.Conversion.Tests.Anatomy;

/// <summary>
/// What journalists get from releases written outside Word (the producers' corpus): the dateline that is the bold
/// start of the first paragraph printed once, a letterhead logo at the head, and the language of most of the text.
/// </summary>
public sealed class ProducersFidelityTests
{
    private static readonly string[] EnglishReleases =
    [
        "pandoc/release-en.docx", "docxjs/release-en.docx", "python-docx/release-en.docx", "libreoffice/release-en-from-odt.docx",
    ];

    public static TheoryData<string, string> Datelines() => new()
    {
        { "pandoc/release-en.docx", "Astana, May 14, 2014 –" },
        { "docxjs/release-en.docx", "Astana, May 14, 2014 –" },
        { "python-docx/release-en.docx", "Astana, May 14, 2014 –" },
        { "libreoffice/release-en-from-odt.docx", "Astana, May 14, 2014 –" },
        { "pandoc/release-ru.docx", "Астана, 14 мая 2014 г. —" },
        { "libreoffice/release-ru-from-odt.docx", "Астана, 14 мая 2014 г. —" },
        { "hand-made/on-off-true.docx", "Astana, May 14, 2014 –" },
    };

    [Theory]
    [MemberData(nameof(Datelines))]
    public void A_dateline_that_opens_the_first_paragraph_is_printed_once_in_every_variant(string file, string dateline)
    {
        var converted = Convert(file);
        Assert.Equal(dateline, converted.Release.Metadata.Dateline?.Text);
        foreach (var variant in new[] { "web", "email", "text" })
        {
            var text = Encoding.UTF8.GetString(converted.Files.Single(f => f.Variant == variant).Content.Span);
            if (variant != "text")
            {
                text = RenderedHtml.Parse(text).Body!.TextContent;
            }

            Assert.True(Count(text, dateline) == 1, $"{file} {variant}: the dateline appears {Count(text, dateline)} times");
        }

        var pdf = PdfReadBack.Text(converted.Files.Single(f => f.Variant == "pdf").Content.ToArray());
        Assert.Equal(1, Count(PdfReadBack.Squeeze(pdf), PdfReadBack.Squeeze(dateline)));
    }

    [Theory]
    [InlineData("pandoc/release-en.docx")]
    [InlineData("docxjs/release-en.docx")]
    [InlineData("python-docx/release-en.docx")]
    public void A_letterhead_logo_above_the_release_line_heads_the_release(string file)
    {
        var converted = Convert(file);
        var logo = Assert.Single(ModelText.AllInlines(converted.Release.Metadata.Letterhead).OfType<Image>());
        Assert.Equal("Letterhead of the Mission", logo.AltText);
        Assert.DoesNotContain(ModelText.AllInlines(converted.Release.Body).OfType<Image>(), i => i.ResourceId == logo.ResourceId);

        foreach (var variant in new[] { "web", "email" })
        {
            var html = RenderedHtml.Parse(Encoding.UTF8.GetString(converted.Files.Single(f => f.Variant == variant).Content.Span));
            var image = html.QuerySelector("img[alt='Letterhead of the Mission']");
            var headline = html.QuerySelector("h1");
            Assert.NotNull(image);
            Assert.NotNull(headline);
            Assert.True(
                image.CompareDocumentPosition(headline).HasFlag(AngleSharp.Dom.DocumentPositions.Following),
                $"{file} {variant}: the logo should come before the headline");
        }

        using var pdf = PdfDocument.Open(converted.Files.Single(f => f.Variant == "pdf").Content.ToArray());
        var page = pdf.GetPage(1);
        var picture = page.GetImages().OrderByDescending(i => i.BoundingBox.Top).First();
        var headlineWord = page.GetWords().First(w => w.Text == "Regional");
        Assert.True(picture.BoundingBox.Bottom >= headlineWord.BoundingBox.Top, $"{file}: the logo should be above the headline on page 1");
    }

    [Theory]
    [InlineData("pandoc/release-ru.docx")]
    [InlineData("libreoffice/release-ru-from-odt.docx")]
    public void A_russian_release_with_one_kazakh_sentence_is_russian_and_the_sentence_is_marked_kazakh(string file)
    {
        var converted = Convert(file);
        Assert.Equal("ru", converted.Release.Metadata.Language.Split('-')[0]);
        var web = RenderedHtml.Parse(Encoding.UTF8.GetString(converted.Files.Single(f => f.Variant == "web").Content.Span));
        Assert.StartsWith("ru", web.DocumentElement.GetAttribute("lang"), StringComparison.Ordinal);
        var kazakh = Assert.Single(web.QuerySelectorAll("p[lang]"));
        Assert.Equal("kk-KZ", kazakh.GetAttribute("lang"));
        Assert.StartsWith("Қауіпсіз көші-қон", kazakh.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kazakh_release_is_kazakh_and_english_ones_are_english()
    {
        Assert.Equal("kk-KZ", Convert("pandoc/release-kk.docx").Release.Metadata.Language);
        Assert.All(EnglishReleases, file => Assert.StartsWith("en", Convert(file).Release.Metadata.Language, StringComparison.Ordinal));
    }

    [Fact]
    public void A_kazakh_name_in_a_russian_paragraph_does_not_make_it_kazakh()
    {
        var release = TestDocument.Create().Language("ru-RU")
            .Paragraph("Встреча прошла в городе Нұр-Сұлтан при участии представителей министерства труда и социальной защиты населения.")
            .Paragraph("Қауіпсіз көші-қон сенімді ақпараттан басталады.")
            .Read().Value;
        Assert.Equal("ru-RU", release.Metadata.Language);
        Assert.NotEqual("kk-KZ", Assert.IsType<Paragraph>(release.Body[0]).Language);
        Assert.Equal("kk-KZ", Assert.IsType<Paragraph>(release.Body[1]).Language);
    }

    private static ConvertedRelease Convert(string file)
    {
        using var stream = File.OpenRead(Corpus.Fixture("Producers", file));
        var outcome = ReleaseConverter.CreateDefault().Convert(stream, RenderContext.Local);
        return Assert.IsType<ConversionOutcome.Converted>(outcome).Release;
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
