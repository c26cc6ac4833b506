using System.Text.Json;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Web;
using static PressPipeline.Conversion.Tests.Rendering.TestReleases;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>Generated HTML never carries script, event handlers or non-allow-listed URLs, whatever the document says.</summary>
public class HtmlSecurityTests
{
    public static TheoryData<string> HtmlVariants => ["web", "email"];

    private static IVariantRenderer For(string variant) => variant == "web" ? new WebRenderer() : new EmailRenderer();

    [Theory]
    [MemberData(nameof(HtmlVariants))]
    public void Script_written_in_the_document_is_shown_as_text(string variant)
    {
        var release = WithBody(P(T("<script>alert('x')</script><img src=x onerror=alert(1)>")));

        var document = RenderedHtml.Parse(For(variant), release);

        HtmlSafety.AssertSafe(document);
        Assert.Contains("<script>alert('x')</script><img src=x onerror=alert(1)>", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("body script"));
    }

    [Theory]
    [InlineData("web", "javascript:alert(1)")]
    [InlineData("web", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("web", "vbscript:msgbox(1)")]
    [InlineData("web", "file:///etc/passwd")]
    [InlineData("email", "javascript:alert(1)")]
    [InlineData("email", "data:text/html,<script>alert(1)</script>")]
    [InlineData("email", "vbscript:msgbox(1)")]
    public void Links_with_dangerous_schemes_are_dropped_with_a_warning_and_keep_their_text(string variant, string url)
    {
        var release = WithBody(P(T("Read "), new Hyperlink(new Uri(url), [T("this")]), T(".")));

        var result = For(variant).Render(release, RenderContext.Local);
        var document = RenderedHtml.Parse(System.Text.Encoding.UTF8.GetString(result.Value.Content.Span));

        HtmlSafety.AssertSafe(document);
        Assert.Contains(result.Warnings, w => w.Code == "link.scheme-dropped");
        Assert.Contains("Read this.", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("alert", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HtmlVariants))]
    public void Quotes_and_brackets_in_alt_text_and_urls_stay_inside_their_attributes(string variant)
    {
        const string alt = "\" onerror=\"alert(1)\" data-x='<b>&amp;";
        var release = new PressRelease(
            Metadata(),
            [P(new Image("image1", alt, 10, 10), new Hyperlink(new Uri("https://example.org/?q=\"><script>alert(1)</script>&a=1"), [T("odd")]))],
            [],
            [new ImageResource("image1", "a\"b<c>.png", "image/png", TinyPng)]);

        var document = RenderedHtml.Parse(For(variant), release);

        HtmlSafety.AssertSafe(document);
        var image = document.QuerySelector("img")!;
        Assert.Equal(alt, image.GetAttribute("alt"));
        Assert.Equal(2, image.Attributes.Count(a => a.Name is "width" or "height"));
        Assert.Null(image.GetAttribute("onerror"));
        Assert.StartsWith("https://example.org/?q=%22%3E%3Cscript%3E", document.QuerySelector("a[href^='https://example.org']")?.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Closing_script_tag_in_the_headline_does_not_break_out_of_the_json_ld()
    {
        const string title = "Breaking </script><script>alert(1)</script> news & \"quotes\" 'too'";
        var release = new PressRelease(Metadata(title: title), [P(T("Body."))], [], []);

        var html = RenderedHtml.Text(new WebRenderer(), release);
        var document = RenderedHtml.Parse(html);

        HtmlSafety.AssertSafe(document);
        var script = Assert.Single(document.QuerySelectorAll("script"));
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal(title, json.RootElement.GetProperty("headline").GetString());
        Assert.Equal(title, document.QuerySelector("h1")?.TextContent);
        Assert.Equal(title, document.Title);
    }

    [Fact]
    public void Sample_release_html_is_safe_in_both_variants()
    {
        HtmlSafety.AssertSafe(RenderedHtml.Parse(new WebRenderer(), Sample()));
        HtmlSafety.AssertSafe(RenderedHtml.Parse(new EmailRenderer(), Sample(), new RenderContext(ImageBaseUrl: new Uri("https://cdn.example.org/r/1/"))));
    }
}
