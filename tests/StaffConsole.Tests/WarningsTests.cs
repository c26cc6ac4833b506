using Microsoft.AspNetCore.Http;
using PressPipeline.StaffConsole.Tests.Support;

namespace PressPipeline.StaffConsole.Tests;

/// <summary>The preview lists every conversion warning with where it is in the document, in the page's language.</summary>
public sealed class WarningsTests
{
    private static readonly byte[] WarningsRelease =
        ConsoleClient.RepositoryFile("tests", "Conversion.Tests", "Fixtures", "Producers", "pandoc", "warnings-en.docx");

    /// <summary>An office address in the page header, a picture the PDF can't draw, Chinese in a table cell (make-places.py).</summary>
    private static readonly byte[] PlacesRelease =
        ConsoleClient.RepositoryFile("tests", "Conversion.Tests", "Fixtures", "Producers", "python-docx", "places-en.docx");

    private static async Task<string> UploadAsync(ConsoleClient console, string name = "warnings-en.docx")
    {
        var form = await console.GetAsync("/upload");
        var posted = await console.PostFileAsync(
            "/upload", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token }, "file", name, name == "warnings-en.docx" ? WarningsRelease : PlacesRelease);
        Assert.Equal(StatusCodes.Status303SeeOther, posted.Status);
        return posted.Location!["/console/releases/".Length..].Split('?')[0];
    }

    [Fact]
    public async Task The_preview_shows_each_warning_with_its_place_and_the_paragraphs_first_words()
    {
        await using var console = await ConsoleClient.StartAsync();
        var id = await UploadAsync(console);

        var page = await console.GetAsync($"/releases/{id}");

        var items = page.Page.QuerySelectorAll("#warnings li").ToList();
        var table = Assert.Single(items, li => li.GetAttribute("data-code") == "link.relative-dropped");
        Assert.Equal("table 1, row 3, cell 2", table.QuerySelector(".where")!.TextContent.Split(", near")[0].TrimStart('—', ' '));
        Assert.Equal("Recruitment, see the speaker’s notes", table.QuerySelector(".where q")!.TextContent);
        Assert.StartsWith("en", table.QuerySelector(".where q")!.GetAttribute("lang"), StringComparison.Ordinal);
        Assert.Equal("en", table.QuerySelector("span[lang=en]")!.GetAttribute("lang"));

        var paragraph = Assert.Single(items, li => li.GetAttribute("data-code") == "link.scheme-dropped" && li.TextContent.Contains("ftp:", StringComparison.Ordinal));
        Assert.Contains("paragraph 4, near", paragraph.TextContent, StringComparison.Ordinal);
        Assert.Equal("The programme is on the old intranet and…", paragraph.QuerySelector("q")!.TextContent);
        Assert.Equal("(2 times)", paragraph.QuerySelector(".times")!.TextContent);

        Assert.Contains(items, li => li.TextContent.Contains("footnote 1, near", StringComparison.Ordinal));
        Assert.Contains(items, li => li.TextContent.Contains("paragraph 5, picture image1.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Places_are_written_in_the_staff_members_language()
    {
        await using var console = await ConsoleClient.StartAsync();
        var id = await UploadAsync(console);
        console.Headers["Accept-Language"] = "ru";

        var page = await console.GetAsync($"/releases/{id}");

        var table = Assert.Single(page.Page.QuerySelectorAll("#warnings li"), li => li.GetAttribute("data-code") == "link.relative-dropped");
        Assert.Contains("таблица 1, строка 3, ячейка 2, рядом с текстом", table.QuerySelector(".where")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renderer_warnings_and_the_page_header_have_their_places_in_the_staff_members_language()
    {
        await using var console = await ConsoleClient.StartAsync();
        var id = await UploadAsync(console, "places-en.docx");

        var items = (await console.GetAsync($"/releases/{id}")).Page.QuerySelectorAll("#warnings li").ToList();
        var header = Assert.Single(items, li => li.GetAttribute("data-code") == "header.dropped");
        Assert.Contains("page header, near", header.TextContent, StringComparison.Ordinal);
        Assert.Equal("IOM Mission in Kazakhstan, 14 Mamyr…", header.QuerySelector(".where q")!.TextContent);
        Assert.Contains(items, li => li.GetAttribute("data-code") == "pdf.font-missing" && li.TextContent.Contains("table 1, row 2, cell 2, near", StringComparison.Ordinal));
        Assert.Contains(items, li => li.GetAttribute("data-code") == "pdf.image-unreadable" && li.TextContent.Contains("paragraph 5, picture image1.png", StringComparison.Ordinal));

        console.Headers["Accept-Language"] = "ru";
        var russian = (await console.GetAsync($"/releases/{id}")).Page.QuerySelectorAll("#warnings li").ToList();
        Assert.Contains("верхний колонтитул", Assert.Single(russian, li => li.GetAttribute("data-code") == "header.dropped").TextContent, StringComparison.Ordinal);
    }
}
