using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Conversion.Rendering.Web;
using PressPipeline.Templates;
using static PressPipeline.Conversion.Tests.Rendering.TestReleases;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>
/// The language switch of a release in several languages: the lead-in ("Read in", "Читать на языке", "Оқу тілі") is
/// the <c>read_in</c> label in the version's language, on the web page, in the e-mail and in the text; every language
/// is named in itself, the current one not linked.
/// </summary>
public sealed class LanguageSwitchTests : IDisposable
{
    private readonly string overrides = Path.Combine(Path.GetTempPath(), "presspipeline-labels-" + Guid.NewGuid().ToString("N")[..8]);

    private static RenderContext For(string current) => RenderContext.Local with
    {
        Versions =
        [
            .. new[] { "en", "ru", "kk" }.Select(l => new VersionLink(
                l,
                new Uri($"https://press.example.org/api/files/r1/0.sig/{(l == "en" ? "" : l + "/")}index.html"),
                new Uri($"https://news.example.org/r1/{(l == "en" ? "" : l + "/")}index.html"),
                l == current)),
        ],
    };

    [Theory]
    [InlineData("en-GB", "en", "Read in")]
    [InlineData("ru-RU", "ru", "Читать на языке")]
    [InlineData("kk", "kk", "Оқу тілі")]
    [InlineData("fr", "en", "Read in")]
    public void The_lead_in_is_in_the_versions_language_in_every_variant(string language, string current, string leadIn)
    {
        var release = Sample(Metadata(language: language));
        var context = For(current);

        var page = RenderedHtml.Parse(new WebRenderer(), release, context);
        var nav = page.QuerySelector("nav.language-switch")!;
        Assert.Equal(leadIn, nav.GetAttribute("aria-label"));
        Assert.StartsWith($"{leadIn}: ", nav.TextContent, StringComparison.Ordinal);
        Assert.Equal(["English", "Русский", "Қазақша"], nav.QuerySelectorAll("a, strong").Select(e => e.TextContent));

        var email = RenderedHtml.Parse(new EmailRenderer(), release, context);
        Assert.StartsWith($"{leadIn}: ", email.QuerySelector("p.versions")!.TextContent, StringComparison.Ordinal);

        var text = RenderedHtml.Text(new TextRenderer(), release, context);
        Assert.Contains($"\n{leadIn}:\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lead_in_comes_from_the_labels_so_an_operator_can_reword_it()
    {
        Directory.CreateDirectory(Path.Combine(overrides, "labels"));
        var labels = TemplateLibrary.Embedded.Read("labels/labels.json").Replace("\"read_in\": \"Читать на языке\"", "\"read_in\": \"Другие языки\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(overrides, "labels", "labels.json"), labels);
        var library = new TemplateLibrary(overrides);

        var text = RenderedHtml.Text(new TextRenderer(library), Sample(Metadata(language: "ru")), For("ru"));
        var page = RenderedHtml.Parse(new WebRenderer(library), Sample(Metadata(language: "ru")), For("ru"));

        Assert.Contains("\nДругие языки:\n", text, StringComparison.Ordinal);
        Assert.Equal("Другие языки", page.QuerySelector("nav.language-switch")!.GetAttribute("aria-label"));
    }

    public void Dispose()
    {
        if (Directory.Exists(overrides))
        {
            Directory.Delete(overrides, recursive: true);
        }
    }
}
