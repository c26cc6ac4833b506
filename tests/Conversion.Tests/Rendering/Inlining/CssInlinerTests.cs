using System.Text;
using AngleSharp.Html.Parser;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Tests.Docx;

namespace PressPipeline.Conversion.Tests.Rendering.Inlining;

/// <summary>
/// The per-context inliner must give the same document PreMailer gives over the whole page. Compared as parsed
/// documents, because the fast path keeps our markup as written where PreMailer re-serialises it (tbody, quotes).
/// </summary>
public class CssInlinerTests
{
    private static readonly RenderContext Hosted = new(
        new Uri("https://cdn.example.org/r/1/"), new Uri("https://press.example.org/r/1/"), new Uri("https://press.example.org/r/1/release.pdf"));

    public static TheoryData<string> Documents()
    {
        var data = Corpus.Theory();
        foreach (var sample in Directory.EnumerateFiles(RepositoryFiles.Path("samples"), "*.docx").Order(StringComparer.Ordinal))
        {
            data.Add(sample);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_release_email_inlines_by_context_to_the_document_premailer_makes(string path)
    {
        if (Read(path) is not { } release)
        {
            return; // listed in expected-refusals.json: a refused upload has no e-mail
        }

        var page = new EmailRenderer().Compose(release, Hosted, []);

        Assert.True(CssInliner.TryInlineByContext(page, out var fast), "our own template's page should take the per-context path");
        Assert.Equal(Normalised(CssInliner.InlineWholeDocument(page)), Normalised(fast));
    }

    [Fact]
    public void Answers_cached_from_other_documents_do_not_change_a_document()
    {
        var sample = new EmailRenderer().Compose(TestReleases.Sample(), Hosted, []);
        var other = new EmailRenderer().Compose(Read(RepositoryFiles.Path("samples", "report-60-chapters.docx"))!, Hosted, []);

        Assert.True(CssInliner.TryInlineByContext(sample, out var first));
        Assert.True(CssInliner.TryInlineByContext(other, out _));
        Assert.True(CssInliner.TryInlineByContext(sample, out var again));

        Assert.Equal(first, again);
    }

    [Fact]
    public void Existing_style_and_width_attributes_are_merged_as_premailer_merges_them()
    {
        const string page = """
            <!DOCTYPE html><html><head><style>.wide { width: 100%; color: red } p { margin: 0 }</style></head>
            <body><table class="wide" width="600" style="color: blue"><tr><td><p style='font-family: "Noto Sans"'>x</p></td></tr></table></body></html>
            """;

        Assert.True(CssInliner.TryInlineByContext(page, out var fast));
        Assert.Equal(Normalised(CssInliner.InlineWholeDocument(page)), Normalised(fast));
        var table = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(fast)).QuerySelector("table")!;
        Assert.Equal("100%", table.GetAttribute("width"));
    }

    [Theory]
    [InlineData("<p>unclosed paragraph", "the page is not strictly nested")]
    [InlineData("<p>a</div>", "an end tag does not match")]
    [InlineData("<p class=x>a</p>", "an attribute is not quoted")]
    [InlineData("<script>var a = '<p>';</script>", "script content is not markup")]
    [InlineData("<style>p { color: red }</style><p>a</p>", "a second style sheet, in the body")]
    [InlineData("<table><div class=\"box\"></div></table>", "the parser would move the div out of the table")]
    public void Pages_outside_the_strict_form_are_inlined_whole_and_still_right(string body, string why)
    {
        var page = "<!DOCTYPE html><html><head><style>p { margin: 0 } .box { color: red }</style></head><body>" + body + "</body></html>";

        Assert.False(CssInliner.TryInlineByContext(page, out _), why);
        Assert.Equal(Normalised(CssInliner.InlineWholeDocument(page)), Normalised(CssInliner.Inline(page)));
    }

    [Theory]
    [InlineData("a:hover { color: red }")]
    [InlineData("p:first-child { margin: 0 }")]
    [InlineData("[dir=rtl] p { text-align: right }")]
    [InlineData("#top { color: red }")]
    [InlineData("h1 + p { margin: 0 }")]
    [InlineData("h1 ~ p { margin: 0 }")]
    [InlineData("@import url(x.css); p { margin: 0 }")]
    [InlineData("@font-face { font-family: X; src: url(x.woff) } p { margin: 0 }")]
    public void Sheets_that_look_beyond_ancestry_take_the_whole_document_path(string css)
    {
        var page = "<!DOCTYPE html><html><head><style>" + css + "</style></head><body><h1 id=\"top\">a</h1><p><a href=\"#\">b</a></p></body></html>";

        Assert.False(CssInliner.TryInlineByContext(page, out _));
        Assert.Equal(Normalised(CssInliner.InlineWholeDocument(page)), Normalised(CssInliner.Inline(page)));
    }

    [Fact]
    public void Comments_go_and_media_queries_stay_in_the_head()
    {
        const string page = """
            <!DOCTYPE html><html><head><style>/* note */ p { margin: 0 } @media only screen and (max-width: 620px) { p { margin: 4px !important; } }</style></head>
            <body><!-- internal --><p>a</p></body></html>
            """;

        Assert.True(CssInliner.TryInlineByContext(page, out var fast));

        var text = Encoding.UTF8.GetString(fast);
        var document = new HtmlParser().ParseDocument(text);
        Assert.DoesNotContain("internal", text, StringComparison.Ordinal);
        Assert.StartsWith("@media", document.Head!.QuerySelector("style")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(Normalised(CssInliner.InlineWholeDocument(page)), Normalised(fast));
    }

    private static string Normalised(string html) => new HtmlParser().ParseDocument(html).DocumentElement.OuterHtml;

    private static string Normalised(byte[] utf8) => Normalised(Encoding.UTF8.GetString(utf8));

    /// <summary>The model, or null for a file listed as expected to be refused; any other refusal fails the test.</summary>
    private static PressRelease? Read(string path) => Corpus.ReleaseOrExpectedRefusal(path);
}
