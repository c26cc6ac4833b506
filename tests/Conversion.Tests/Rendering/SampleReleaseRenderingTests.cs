using System.Text;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Conversion.Rendering.Web;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>The sample releases in samples/ (the README's first command) converted through the real reader.</summary>
public class SampleReleaseRenderingTests
{
    private static readonly RenderContext Hosted = new(
        ImageBaseUrl: new Uri("https://press.example.org/releases/iom-2014/"),
        WebPageUrl: new Uri("https://press.example.org/releases/iom-2014/"),
        PdfUrl: new Uri("https://press.example.org/releases/iom-2014/release.pdf"));

    private static Dictionary<string, string> Convert(string sample)
    {
        var converter = new ReleaseConverter(new WordReader(ConversionLimits.Default), [new WebRenderer(), new EmailRenderer(), new TextRenderer()]);
        using var stream = File.OpenRead(RepositoryFiles.Path("samples", sample));
        var converted = Assert.IsType<ConversionOutcome.Converted>(converter.Convert(stream, Hosted)).Release;
        return converted.Files.Where(f => f.Variant != "image").ToDictionary(f => f.Variant, f => Encoding.UTF8.GetString(f.Content.Span));
    }

    [Fact]
    public void Sample_web_page_shows_headings_lists_table_links_image_footnote_and_release_metadata()
    {
        var document = RenderedHtml.Parse(Convert("iom-roundtable-2014.docx")["web"]);

        Assert.Equal("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6)", document.QuerySelector(".embargo p")?.TextContent);
        Assert.Contains("Migration and Development", Assert.Single(document.QuerySelectorAll("h1")).TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(document.QuerySelectorAll("article h2"));
        Assert.NotNull(document.QuerySelector("article ul li ul li"));
        Assert.NotNull(document.QuerySelector("article ol li ol[type=a]"));
        Assert.NotEmpty(document.QuerySelectorAll("article table thead th[scope=col]"));
        Assert.Contains(document.QuerySelectorAll("article a[href]"), a => a.GetAttribute("href")!.StartsWith("http", StringComparison.Ordinal));
        var image = document.QuerySelector("article img")!;
        Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));
        Assert.StartsWith("images/", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("sup a[href^='#footnote-']"));
        Assert.Equal("###", document.QuerySelector(".end-mark")?.TextContent);
        Assert.Equal(2, document.QuerySelectorAll("section.release-section").Length);
        HtmlSafety.AssertSafe(document);
    }

    [Fact]
    public void Sample_email_is_under_gmail_clipping_size_with_absolute_images()
    {
        var html = Convert("iom-roundtable-2014.docx")["email"];
        var document = RenderedHtml.Parse(html);

        Assert.True(Encoding.UTF8.GetByteCount(html) < EmailRenderer.GmailClipBytes);
        Assert.All(document.QuerySelectorAll("img"), img => Assert.StartsWith("https://press.example.org/releases/iom-2014/images/", img.GetAttribute("src"), StringComparison.Ordinal));
        Assert.NotNull(document.QuerySelector("td.embargo"));
        HtmlSafety.AssertSafe(document);
    }

    [Fact]
    public void Sample_text_reads_at_72_columns_with_embargo_and_link_references()
    {
        var text = Convert("iom-roundtable-2014.docx")["text"];
        var lines = text.Split('\n');

        Assert.Equal("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6)", lines[0]);
        Assert.All(lines, l => Assert.True(TextWrapper.Columns(l) <= 72 || l.Split(' ').Any(TextWrapper.LooksLikeUrl), l));
        Assert.Contains("- Recent labour migration trends in the Customs Union", lines);
        Assert.Contains("###", lines);
        Assert.Contains(lines, l => l.StartsWith("[1] ", StringComparison.Ordinal));
    }

    [Fact]
    public void Russian_sample_keeps_cyrillic_letters_and_shows_the_embargo_in_russian()
    {
        var files = Convert("mom-kruglyi-stol-2014-ru.docx");
        var document = RenderedHtml.Parse(files["web"]);

        Assert.StartsWith("ru", document.DocumentElement.GetAttribute("lang"), StringComparison.Ordinal);
        Assert.StartsWith("ЭМБАРГО до 22 мая 2014 г., 11:30 по времени Астаны (UTC+6)", document.QuerySelector(".embargo p")?.TextContent, StringComparison.Ordinal);
        foreach (var variant in new[] { "web", "email" })
        {
            Assert.Contains("Астана", files[variant], StringComparison.Ordinal);
            Assert.DoesNotContain("&#x410;", files[variant], StringComparison.Ordinal);
        }

        Assert.Contains("Контакты для СМИ", files["text"], StringComparison.Ordinal);
    }
}
