using System.Text;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Pdf;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Conversion.Rendering.Web;
using PressPipeline.Conversion.Tests.Docx;
using PressPipeline.Conversion.Tests.Pdf;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>
/// The fixed words every variant adds (embargo line, "Notes", "Page N of M", download links) come from
/// src/Templates/labels/labels.json in the release's language: English, Russian and Kazakh.
/// </summary>
public sealed class LocalisedLabelsTests
{
    private static readonly string[] Languages = ["en", "ru", "kk"];

    [Fact]
    public void Every_english_label_is_written_in_russian_and_kazakh_and_none_only_there()
    {
        var templates = TemplateLibrary.Embedded;
        Assert.Equal(Languages.Order(StringComparer.Ordinal), templates.LabelLanguages.Order(StringComparer.Ordinal));
        var english = templates.LabelKeysWrittenFor("en").Order(StringComparer.Ordinal).ToArray();
        foreach (var language in Languages)
        {
            var written = templates.LabelKeysWrittenFor(language);
            Assert.True(english.Except(written).ToArray() is [], $"labels.json has no \"{language}\" for: {string.Join(", ", english.Except(written))}");
            Assert.True(written.Except(english).ToArray() is [], $"labels.json has \"{language}\" labels English lacks: {string.Join(", ", written.Except(english))}");
        }
    }

    [Fact]
    public void Every_zone_with_a_russian_or_kazakh_name_is_a_zone_of_the_zone_table()
    {
        foreach (var language in new[] { "ru", "kk" })
        {
            foreach (var zone in new[] { "Asia/Almaty", "Europe/Moscow", "UTC" })
            {
                Assert.NotNull(TemplateLibrary.Embedded.ZonePlace(zone, language));
            }
        }
    }

    public static TheoryData<string, string, string, string, string> SampleTexts() => new()
    {
        { "en", "EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6)", "Embargo lifts 22 May 2014, 11:30 Astana time (UTC+6)", "Notes", "Page 1 of" },
        { "ru", "ЭМБАРГО до 22 мая 2014 г., 11:30 по времени Астаны (UTC+6)", "Эмбарго снимается 22 мая 2014 г., 11:30 по времени Астаны (UTC+6)", "Примечания", "Страница 1 из" },
        { "kk", "ЭМБАРГО 2014 жылғы 22 мамыр, 11:30 (Астана уақытымен, UTC+6) дейін", "Эмбарго 2014 жылғы 22 мамыр, 11:30 (Астана уақытымен, UTC+6) алынады", "Ескертпелер", "беттің 1-беті" },
    };

    [Theory]
    [MemberData(nameof(SampleTexts))]
    public void The_sample_in_each_language_carries_that_languages_fixed_texts(string language, string embargo, string pdfEmbargo, string notes, string footer)
    {
        var sample = ReadSample();
        var release = sample with { Metadata = sample.Metadata with { Language = language } };
        var labels = TemplateLibrary.Embedded.Labels(language);

        var web = RenderedHtml.Parse(Render(new WebRenderer(), release));
        Assert.Equal(embargo, web.QuerySelector(".embargo p")?.TextContent);
        Assert.Equal(labels["embargo_note"], web.QuerySelector(".embargo-note")?.TextContent);
        Assert.Equal(labels["download_pdf"], web.QuerySelector(".downloads a")?.TextContent);
        Assert.Equal(labels["skip_to_content"], web.QuerySelector(".skip-link")?.TextContent);

        var email = RenderedHtml.Parse(Render(new EmailRenderer(), release));
        Assert.Equal(embargo, email.QuerySelector("td.embargo")?.TextContent);

        var text = Render(new TextRenderer(), release);
        Assert.StartsWith(embargo + "\n" + labels["embargo_note"] + "\n", text, StringComparison.Ordinal);

        var pdf = PdfReadBack.Squeeze(PdfReadBack.Text(new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray()));
        Assert.Contains(PdfReadBack.Squeeze(pdfEmbargo), pdf, StringComparison.Ordinal);
        Assert.Contains(PdfReadBack.Squeeze(notes), pdf, StringComparison.Ordinal);
        Assert.Contains(PdfReadBack.Squeeze(footer), pdf, StringComparison.Ordinal);
        if (language != "en")
        {
            Assert.DoesNotContain("Page1of", pdf, StringComparison.Ordinal);
            Assert.DoesNotContain("Asia/Almaty", pdf, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("pandoc/release-ru.docx", "Скачать пресс-релиз (PDF)", "Страница 1 из")]
    [InlineData("pandoc/release-kk.docx", "Баспасөз релизін жүктеу (PDF)", "беттің 1-беті")]
    public void A_russian_or_kazakh_document_gets_russian_or_kazakh_fixed_texts(string file, string download, string footer)
    {
        using var stream = File.OpenRead(Corpus.Fixture("Producers", file));
        var converted = Assert.IsType<ConversionOutcome.Converted>(ReleaseConverter.CreateDefault().Convert(stream, RenderContext.Local)).Release;
        string Variant(string name) => Encoding.UTF8.GetString(converted.Files.Single(f => f.Variant == name).Content.Span);

        Assert.Equal(download, RenderedHtml.Parse(Variant("web")).QuerySelector(".downloads a")?.TextContent);
        Assert.Contains(download, RenderedHtml.Parse(Variant("email")).QuerySelector("td.links")?.TextContent, StringComparison.Ordinal);
        var pdf = PdfReadBack.Squeeze(PdfReadBack.Text(converted.Files.Single(f => f.Variant == "pdf").Content.ToArray()));
        Assert.Contains(PdfReadBack.Squeeze(footer), pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("Page1of", pdf, StringComparison.Ordinal);
    }

    private static PressRelease ReadSample()
    {
        using var stream = File.OpenRead(RepositoryFiles.Path("samples", "iom-roundtable-2014.docx"));
        return new WordReader(ConversionLimits.Default).Read(stream).Value;
    }

    private static string Render(IVariantRenderer renderer, PressRelease release) =>
        Encoding.UTF8.GetString(renderer.Render(release, RenderContext.Local).Value.Content.Span);
}
