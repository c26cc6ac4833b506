using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using static PressPipeline.Conversion.Tests.Rendering.TestReleases;

namespace PressPipeline.Conversion.Tests.Rendering;

public class EmailRendererTests
{
    private static readonly EmailRenderer Renderer = new();
    private static readonly RenderContext Hosted = new(
        ImageBaseUrl: new Uri("https://cdn.example.org/releases/42"),
        WebPageUrl: new Uri("https://press.example.org/releases/42/"),
        PdfUrl: new Uri("https://press.example.org/releases/42/release.pdf"));

    [Fact]
    public void Layout_tables_are_presentational_and_600_pixels_wide()
    {
        var document = RenderedHtml.Parse(Renderer, Sample(), Hosted);

        var layout = document.QuerySelectorAll("table[role=presentation]");
        Assert.NotEmpty(layout);
        Assert.Contains(layout, t => t.GetAttribute("width") == "600");
        Assert.All(document.QuerySelectorAll("table:not([role])"), t => Assert.Contains("data", t.ClassList));
    }

    [Fact]
    public void Css_is_inlined_and_only_media_queries_stay_in_a_style_block()
    {
        var document = RenderedHtml.Parse(Renderer, Sample(), Hosted);

        var style = Assert.Single(document.QuerySelectorAll("style"));
        Assert.StartsWith("@media", style.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("margin", document.QuerySelector("h1")?.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("margin: 0 0 16px", document.QuerySelector("td.content > p:not(.subtitle)")?.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Images_are_linked_by_absolute_url_under_the_configured_base()
    {
        var document = RenderedHtml.Parse(Renderer, Sample(), Hosted);

        Assert.Equal("https://cdn.example.org/releases/42/images/image1.png", document.QuerySelector("img")?.GetAttribute("src"));
    }

    [Fact]
    public void Links_to_the_web_page_and_the_pdf_are_offered()
    {
        var document = RenderedHtml.Parse(Renderer, Sample(), Hosted);

        var hrefs = document.QuerySelectorAll("td.links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://press.example.org/releases/42/", hrefs);
        Assert.Contains("https://press.example.org/releases/42/release.pdf", hrefs);
    }

    [Fact]
    public void Embargoed_release_opens_with_the_embargo_banner()
    {
        var document = RenderedHtml.Parse(Renderer, Sample(), Hosted);

        Assert.Equal("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6)", document.QuerySelector("td.embargo")?.TextContent.Trim());
        Assert.Equal("en-GB", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", document.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public void Immediate_release_has_no_embargo_banner()
    {
        var document = RenderedHtml.Parse(Renderer, WithBody(P(T("Text."))), Hosted);

        Assert.Null(document.QuerySelector(".embargo"));
        Assert.Equal("FOR IMMEDIATE RELEASE", document.QuerySelector(".release-line")?.TextContent);
    }

    [Fact]
    public void Sample_release_is_far_below_gmail_clipping_size()
    {
        var result = Renderer.Render(Sample(), Hosted);

        Assert.True(result.Value.Content.Length < EmailRenderer.GmailClipBytes, $"{result.Value.Content.Length} bytes");
        Assert.DoesNotContain(result.Warnings, w => w.Code == "email.too-large");
    }

    [Fact]
    public void Very_long_release_is_flagged_as_too_large_for_gmail()
    {
        var paragraphs = Enumerable.Range(0, 400).Select(i => (Block)P(T($"Paragraph {i}: " + new string('x', 300)))).ToArray();

        var result = Renderer.Render(WithBody(paragraphs), Hosted);

        Assert.Contains(result.Warnings, w => w.Code == "email.too-large");
    }

    [Fact]
    public void Cyrillic_text_stays_as_letters_after_css_inlining()
    {
        var html = RenderedHtml.Text(Renderer, WithBody(P(T("Контакты для СМИ: Қазақстан"))), Hosted);

        Assert.Contains("Контакты для СМИ: Қазақстан", html, StringComparison.Ordinal);
    }
}
