using Microsoft.AspNetCore.Http;
using PressPipeline.StaffConsole.Tests.Support;

namespace PressPipeline.StaffConsole.Tests;

/// <summary>The preview lists every conversion warning with where it is in the document, in the page's language.</summary>
public sealed class WarningsTests
{
    private static readonly byte[] WarningsRelease =
        ConsoleClient.RepositoryFile("tests", "Conversion.Tests", "Fixtures", "Producers", "pandoc", "warnings-en.docx");

    private static async Task<string> UploadAsync(ConsoleClient console)
    {
        var form = await console.GetAsync("/upload");
        var posted = await console.PostFileAsync(
            "/upload", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token }, "file", "warnings-en.docx", WarningsRelease);
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
}
