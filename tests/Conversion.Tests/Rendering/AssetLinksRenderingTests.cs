using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Email;
using PressPipeline.Conversion.Rendering.Text;
using PressPipeline.Conversion.Rendering.Web;
using static PressPipeline.Conversion.Tests.Rendering.TestReleases;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>
/// The files that go with a release on the web page and in the text: a titled list of links whose text names file,
/// type and size in the release's language; nothing when there are none; never in the e-mail variant (distribution
/// lists them there) nor the PDF.
/// </summary>
public class AssetLinksRenderingTests
{
    private static readonly Uri Bibliography = new("https://press.example.org/api/files/r1/0.sig/assets/bibliography.pdf");
    private static readonly Uri Photo = new("https://press.example.org/api/files/r1/0.sig/assets/%D0%A4%D0%BE%D1%82%D0%BE.jpg");

    private static readonly RenderContext WithFiles = RenderContext.Local with
    {
        Assets =
        [
            new AssetLink("bibliography.pdf", Bibliography, "PDF", 1_258_291, "application/pdf"),
            new AssetLink("Фото.jpg", Photo, "JPG", 3_565_158, "image/jpeg"),
        ],
    };

    [Theory]
    [InlineData("en-GB", "Downloads", "bibliography.pdf (PDF, 1.2 MB)", "Фото.jpg (JPG, 3.4 MB)")]
    [InlineData("ru-RU", "Файлы для скачивания", "bibliography.pdf (PDF, 1,2 МБ)", "Фото.jpg (JPG, 3,4 МБ)")]
    [InlineData("kk-KZ", "Жүктеп алуға арналған файлдар", "bibliography.pdf (PDF, 1,2 МБ)", "Фото.jpg (JPG, 3,4 МБ)")]
    [InlineData("fr", "Downloads", "bibliography.pdf (PDF, 1.2 MB)", "Фото.jpg (JPG, 3.4 MB)")]
    public void The_web_page_lists_each_file_as_a_link_naming_it_with_type_and_size(string language, string heading, string pdf, string photo)
    {
        var document = RenderedHtml.Parse(new WebRenderer(), Sample(Metadata(language: language)), WithFiles);

        var section = document.QuerySelector("article section.release-downloads")!;
        Assert.NotNull(section);
        Assert.Equal(heading, section.QuerySelector("h2")!.TextContent);
        Assert.Equal(section.QuerySelector("h2")!.Id, section.GetAttribute("aria-labelledby"));
        var links = section.QuerySelectorAll("ul > li > a").ToList();
        Assert.Equal([pdf, photo], links.Select(a => a.TextContent));
        Assert.Equal([Bibliography.AbsoluteUri, Photo.AbsoluteUri], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["application/pdf", "image/jpeg"], links.Select(a => a.GetAttribute("type")));
    }

    [Fact]
    public void The_text_lists_them_under_the_heading_with_their_links()
    {
        var text = RenderedHtml.Text(new TextRenderer(), Sample(Metadata(language: "ru")), WithFiles);

        Assert.EndsWith($"Файлы для скачивания:\n- bibliography.pdf (PDF, 1,2 МБ): {Bibliography.AbsoluteUri}\n- Фото.jpg (JPG, 3,4 МБ): {Photo.AbsoluteUri}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_files_nothing_is_written_and_the_e_mail_variant_never_lists_them()
    {
        var page = RenderedHtml.Text(new WebRenderer(), Sample());
        var text = RenderedHtml.Text(new TextRenderer(), Sample());
        var email = RenderedHtml.Text(new EmailRenderer(), Sample(), WithFiles);

        Assert.DoesNotContain("<section class=\"release-downloads\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Downloads", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bibliography.pdf", email, StringComparison.Ordinal);
    }
}
