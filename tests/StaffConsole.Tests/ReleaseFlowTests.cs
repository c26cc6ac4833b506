using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Tracking;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.StaffConsole.Tests.Support;

namespace PressPipeline.StaffConsole.Tests;

/// <summary>A press officer takes the sample from upload to Sent through the console's forms, on Azurite.</summary>
public sealed class ReleaseFlowTests
{
    [Fact]
    public async Task Uploaded_sample_shows_its_release_page_with_preview_warnings_and_history()
    {
        await using var console = await ConsoleClient.StartAsync();
        var id = await console.UploadSampleAsync();

        var page = await console.GetAsync($"/releases/{id}?done=uploaded");
        Assert.Equal(StatusCodes.Status200OK, page.Status);
        Assert.Equal("Converted", page.Page.QuerySelector("#release-state")!.GetAttribute("data-state"));
        Assert.Contains("uploaded and converted", page.Page.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.Page.QuerySelector("h1")!.TextContent));
        Assert.False(string.IsNullOrWhiteSpace(page.Page.QuerySelector("#email-subject")!.TextContent));
        Assert.Equal("Dear Aigerim Sadykova,", page.Page.QuerySelector("#email-greeting")!.TextContent);
        Assert.NotNull(page.Page.QuerySelector("#warnings"));
        Assert.Contains("officer@iom.example.org", page.Page.QuerySelector("#release-history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("console", page.Page.QuerySelector("#release-history")!.TextContent, StringComparison.Ordinal);

        // Every preview frame is sandboxed and its source answers.
        var frames = page.Page.QuerySelectorAll("iframe").ToList();
        Assert.True(frames.Count >= 3, $"Expected the web page and two e-mail frames, found {frames.Count}.");
        foreach (var frame in frames)
        {
            Assert.Equal("", frame.GetAttribute("sandbox"));
            var src = frame.GetAttribute("src")!;
            Assert.StartsWith("/console/releases/", src, StringComparison.Ordinal);
            var preview = await console.GetAsync(src["/console".Length..]);
            Assert.Equal(StatusCodes.Status200OK, preview.Status);
            Assert.Contains("sandbox", preview.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        }

        var email = await console.GetAsync($"/releases/{id}/preview/email?name=Aigerim%20Sadykova");
        Assert.Contains("Dear Aigerim Sadykova,", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("-pp-greeting", email.Body, StringComparison.Ordinal);
        Assert.NotEmpty(page.Page.QuerySelector("#text-preview")!.TextContent.Trim());
    }

    [Fact]
    public async Task Test_send_reaches_the_mail_service_marked_TEST()
    {
        await using var console = await ConsoleClient.StartAsync();
        var id = await console.UploadSampleAsync();
        var page = await console.GetAsync($"/releases/{id}");

        // One version: nothing to pick, so the version select is not shown.
        Assert.NotNull(page.Page.QuerySelector("#test-send-form"));
        Assert.Null(page.Page.QuerySelector("#test-language"));
        Assert.Empty(page.Page.QuerySelectorAll("#test-send-form select"));

        var sent = await console.PostAsync($"/releases/{id}/test-send", new Dictionary<string, string>
        {
            [ConsoleSecurity.TokenField] = page.Token,
            ["addresses"] = "desk@iom.example.org",
        });

        Assert.Equal(StatusCodes.Status303SeeOther, sent.Status);
        Assert.Equal($"/console/releases/{id}?done=test-sent", sent.Location);
        var request = Assert.Single(console.Harness.Endpoint.Requests);
        Assert.Equal(["desk@iom.example.org"], request.Recipients);
        Assert.Contains("[TEST]", Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal);
        var after = await console.GetAsync($"/releases/{id}?done=test-sent");
        Assert.Equal("The test e-mail was sent.", after.Page.QuerySelector("#done")!.TextContent.Trim());
        Assert.Contains("Test e-mail of version 1 sent to 1 address(es).", after.Page.QuerySelector("#release-history")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduled_now_the_release_is_sent_and_the_report_counts_it()
    {
        await using var console = await ConsoleClient.StartAsync();
        await console.Harness.PutListAsync("media", "email,name,outlet,language\naigerim@news.example.kz,Aigerim Sadykova,Kazinform,en\njohn@wire.example.org,John Smith,Wire,en\n");
        var id = await console.UploadSampleAsync();
        var page = await console.GetAsync($"/releases/{id}");
        Assert.NotNull(page.Page.QuerySelector("#schedule-form"));

        var scheduled = await console.PostAsync($"/releases/{id}/schedule", new Dictionary<string, string>
        {
            [ConsoleSecurity.TokenField] = page.Token,
            ["lists"] = "media",
            ["sendAt"] = "now",
            ["publishAt"] = "now",
            ["zone"] = "Asia/Almaty",
        });
        Assert.Equal(StatusCodes.Status303SeeOther, scheduled.Status);
        Assert.Equal("Scheduled", (await console.GetAsync($"/releases/{id}")).Page.QuerySelector("#release-state")!.GetAttribute("data-state"));

        await console.Harness.DispatchAsync();
        await console.Harness.WorkAsync();

        var sentPage = await console.GetAsync($"/releases/{id}");
        Assert.Equal("Sent", sentPage.Page.QuerySelector("#release-state")!.GetAttribute("data-state"));

        // Once it went out neither a translation nor a file can be added: the forms are gone, a forced post is refused.
        Assert.Null(sentPage.Page.QuerySelector("#translate-form"));
        Assert.Null(sentPage.Page.QuerySelector("#assets-form"));
        var late = await console.PostFilesAsync($"/releases/{id}/assets", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token }, [("files", "figures.csv", Encoding.UTF8.GetBytes("year,count\n2026,3\n"))]);
        Assert.Equal(StatusCodes.Status409Conflict, late.Status);
        Assert.Contains("files can no longer be added", late.Page.QuerySelector("#form-error")!.TextContent, StringComparison.Ordinal);
        var report = await console.GetAsync($"/releases/{id}/report");
        Assert.Equal(StatusCodes.Status200OK, report.Status);
        Assert.True(report.Page.QuerySelector("#report-counts [data-count=count_recipients] dd")!.TextContent == "2", report.Page.QuerySelector("#report-counts")!.TextContent + report.Page.QuerySelector("#report-recipients")?.TextContent);
        Assert.Equal("2", report.Page.QuerySelector("#report-counts [data-count=count_accepted] dd")!.TextContent);
        Assert.Contains("aigerim@news.example.kz", report.Page.QuerySelector("#report-recipients")!.TextContent, StringComparison.Ordinal);
        Assert.Null(report.Page.QuerySelector("#report-timeline"));

        // SendGrid reports a delivery now and an open two hours later: the report counts them per hour.
        var tracked = console.Harness.Get<RecipientStatusStore>();
        var aigerim = console.Harness.Get<ContactIdentity>().IdOf("aigerim@news.example.kz");
        await tracked.MarkAsync(id, aigerim, RecipientEvent.Delivered, default);
        console.Harness.Time.Advance(TimeSpan.FromHours(2));
        await tracked.MarkAsync(id, aigerim, RecipientEvent.Opened, default);
        var timeline = (await console.GetAsync($"/releases/{id}/report")).Page.QuerySelectorAll("#report-timeline tbody tr")
            .Select(row => string.Join("|", row.Children.Skip(1).Select(cell => cell.TextContent)))
            .ToArray();
        Assert.Equal(["1|0|0|0", "0|1|0|0"], timeline);
        var csv = await console.GetAsync($"/releases/{id}/report.csv");
        Assert.StartsWith("text/csv", csv.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Contains("john@wire.example.org", csv.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_upload_says_why_on_the_form()
    {
        await using var console = await ConsoleClient.StartAsync();
        var form = await console.GetAsync("/upload");
        var posted = await console.PostFileAsync("/upload", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = form.Token }, "file", "notes.docx", Encoding.UTF8.GetBytes("this is not a Word document"));

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, posted.Status);
        var error = posted.Page.QuerySelector("#form-error")!.TextContent.Trim();
        Assert.NotEmpty(error);
        Assert.NotNull(posted.Page.QuerySelector("#upload-form"));
    }

    [Fact]
    public async Task A_refused_schedule_shows_the_operations_own_sentence()
    {
        await using var console = await ConsoleClient.StartAsync();
        var id = await console.UploadSampleAsync();
        var page = await console.GetAsync($"/releases/{id}");

        // The sample's embargo line (May 2014) has passed: without a publish time the operation refuses and says so.
        var refused = await console.PostAsync($"/releases/{id}/schedule", new Dictionary<string, string>
        {
            [ConsoleSecurity.TokenField] = page.Token,
            ["lists"] = "media",
            ["sendAt"] = "now",
            ["zone"] = "Asia/Almaty",
        });

        var expected = await Assert.ThrowsAsync<ReleaseProblemException>(() => console.Services.GetRequiredService<ReleaseOperations>().ScheduleAsync(
            id, new ReleaseInstructions(["media"], [], "now", null, "Asia/Almaty"), Actor.Of("check", Door.Api), CancellationToken.None));
        Assert.Equal(StatusCodes.Status400BadRequest, refused.Status);
        Assert.Equal(expected.Message, refused.Page.QuerySelector("#form-error")!.TextContent.Trim());
        Assert.Contains("has passed", expected.Message, StringComparison.Ordinal);
        Assert.Equal("Converted", refused.Page.QuerySelector("#release-state")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task Approval_is_refused_to_the_uploader_and_given_by_a_second_person()
    {
        await using var console = await ConsoleClient.StartAsync(settings: new Dictionary<string, string?> { ["Pipeline:RequireApproval"] = "true" });
        var id = await console.UploadSampleAsync();
        var page = await console.GetAsync($"/releases/{id}");
        Assert.Contains("Not approved yet", page.Page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Page.QuerySelector("#approve-form"));

        var own = await console.PostAsync($"/releases/{id}/approve", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = page.Token });
        Assert.Equal(StatusCodes.Status409Conflict, own.Status);
        Assert.NotEmpty(own.Page.QuerySelector("#form-error")!.TextContent.Trim());

        console.Headers[StaffPrincipal.NameHeader] = "dana@iom.example.org";
        var second = await console.GetAsync($"/releases/{id}");
        var approved = await console.PostAsync($"/releases/{id}/approve", new Dictionary<string, string> { [ConsoleSecurity.TokenField] = second.Token });
        Assert.Equal(StatusCodes.Status303SeeOther, approved.Status);
        var after = await console.GetAsync($"/releases/{id}?done=approve");
        Assert.Equal("The release is approved.", after.Page.QuerySelector("#done")!.TextContent.Trim());
        Assert.Contains("dana@iom.example.org", after.Page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Page.QuerySelector("#approve-form"));
    }
}
