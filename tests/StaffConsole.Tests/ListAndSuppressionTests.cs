using System.Text;
using Microsoft.AspNetCore.Http;
using PressPipeline.StaffConsole.Tests.Support;

namespace PressPipeline.StaffConsole.Tests;

/// <summary>Media lists and suppressions through their pages.</summary>
public sealed class ListAndSuppressionTests
{
    [Fact]
    public async Task An_uploaded_list_reports_skipped_rows_by_number_and_can_be_downloaded_and_deleted()
    {
        await using var console = await ConsoleClient.StartAsync();
        var page = await console.GetAsync("/lists");
        var csv = "email,name,outlet,language\naigerim@news.example.kz,Aigerim Sadykova,Kazinform,ru\nnot-an-address,Broken Row,Nowhere,en\n";

        var stored = await console.PostFileAsync("/lists", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token, ["name"] = "media-kz" }, "file", "media.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(StatusCodes.Status200OK, stored.Status);
        Assert.Contains("media-kz", stored.Page.QuerySelector("#list-check-summary")!.TextContent, StringComparison.Ordinal);
        var problem = Assert.Single(stored.Page.QuerySelectorAll("#list-problems tbody tr"));
        Assert.Equal("3", problem.QuerySelector("th")!.TextContent);
        Assert.Equal("media-kz", stored.Page.QuerySelector("#lists-table tbody tr th")!.TextContent);

        var download = await console.GetAsync("/lists/media-kz.csv");
        Assert.Contains("aigerim@news.example.kz", download.Body, StringComparison.Ordinal);

        var again = await console.PostFileAsync("/lists", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token, ["name"] = "media-kz" }, "file", "media.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(StatusCodes.Status409Conflict, again.Status);
        Assert.Contains("already exists", again.Page.QuerySelector("#form-error")!.TextContent, StringComparison.Ordinal);

        var deleted = await console.PostAsync("/lists/media-kz/delete", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token });
        Assert.Equal(StatusCodes.Status303SeeOther, deleted.Status);
        Assert.Null((await console.GetAsync("/lists")).Page.QuerySelector("#lists-table"));
    }

    [Fact]
    public async Task A_suppression_is_added_with_its_reason_exported_and_removed()
    {
        await using var console = await ConsoleClient.StartAsync();
        var token = (await console.GetAsync("/suppressions")).Token;

        var added = await console.PostAsync("/suppressions", new Dictionary<string, string>
        {
            [ConsoleSecurity.TokenField] = token,
            ["email"] = "editor@paper.example.kz",
            ["reason"] = "DoNotContact",
            ["note"] = "asked by phone",
        });
        Assert.Equal(StatusCodes.Status303SeeOther, added.Status);

        var page = await console.GetAsync("/suppressions?done=suppression-added");
        var row = Assert.Single(page.Page.QuerySelectorAll("#suppressions-table tbody tr"));
        Assert.Contains("Do not contact", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("asked by phone", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("editor@paper.example.kz", page.Body, StringComparison.Ordinal);

        var export = await console.GetAsync("/suppressions.csv");
        Assert.Contains("asked by phone", export.Body, StringComparison.Ordinal);

        var removed = await console.PostAsync("/suppressions/remove", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = token, ["email"] = "editor@paper.example.kz" });
        Assert.Equal(StatusCodes.Status303SeeOther, removed.Status);
        Assert.Null((await console.GetAsync("/suppressions")).Page.QuerySelector("#suppressions-table"));

        var missing = await console.PostAsync("/suppressions/remove", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = token, ["email"] = "editor@paper.example.kz" });
        Assert.Equal(StatusCodes.Status404NotFound, missing.Status);
        Assert.Equal("That address is not on the suppression list.", missing.Page.QuerySelector("#form-error")!.TextContent.Trim());
    }
}
