using PressPipeline.Functions.Api;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Functions.Tests;

public sealed class ReleasesApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private OperationsHarness harness = null!;

    public async Task InitializeAsync() => harness = await FunctionHarness.StartAsync(Now);

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private static readonly Dictionary<string, string> Schedule = new()
    {
        ["lists"] = "media,ngo",
        ["sendAt"] = "2026-12-01T09:00",
        ["zone"] = "Asia/Almaty",
    };

    private async Task<(int Status, System.Text.Json.JsonElement Body)> PostAsync(byte[]? docx, IReadOnlyDictionary<string, string> fields) =>
        FunctionHarness.Read(await harness.Function<CreateRelease>().Run(FunctionHarness.Multipart(docx, fields), default));

    [Fact]
    public async Task Posting_a_docx_with_lists_and_a_send_time_returns_201_with_the_scheduled_status_and_preview_links()
    {
        var (status, body) = await PostAsync(TestDocx.Build("Roundtable on labour migration", "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – The roundtable met."), Schedule);

        Assert.Equal(201, status);
        Assert.Equal("Scheduled", body.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("Roundtable on labour migration", body.GetProperty("status").GetProperty("title").GetString());
        Assert.Equal("2026-12-01T09:00", body.GetProperty("sendAtLocal").GetString());
        var preview = body.GetProperty("preview");
        Assert.StartsWith("https://press.example.org/api/files/", preview.GetProperty("index.html").GetString(), StringComparison.Ordinal);
        Assert.True(preview.TryGetProperty("release.pdf", out _));
        Assert.Empty(body.GetProperty("public").EnumerateObject());
    }

    [Fact]
    public async Task Posting_the_same_file_again_returns_200_and_the_same_release()
    {
        var docx = TestDocx.Build("Twice over the API");
        var (_, first) = await PostAsync(docx, new Dictionary<string, string>());

        var (status, second) = await PostAsync(docx, new Dictionary<string, string>());

        Assert.Equal(200, status);
        Assert.Equal(first.GetProperty("status").GetProperty("id").GetString(), second.GetProperty("status").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_file_that_is_not_a_Word_document_is_422_with_the_converter_sentence()
    {
        var (status, body) = await PostAsync("plain text, not a package"u8.ToArray(), Schedule);

        Assert.Equal(422, status);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        Assert.DoesNotContain("Exception", body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(20, body.GetProperty("id").GetString()!.Length);
    }

    [Fact]
    public async Task A_zone_that_is_not_a_zone_word_is_400_naming_the_zone_to_use()
    {
        var fields = new Dictionary<string, string>(Schedule) { ["zone"] = "Pacific Standard Time" };

        var (status, body) = await PostAsync(TestDocx.Build("Zone typo"), fields);

        Assert.Equal(400, status);
        Assert.EndsWith("not scheduled: Zone 'Pacific Standard Time' is not a time zone we know; use America/Los_Angeles.", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_a_file_is_400_with_a_sentence()
    {
        var (status, body) = await PostAsync(null, Schedule);

        Assert.Equal(400, status);
        Assert.Equal("Attach the Word document (.docx) as the form field 'file'.", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_larger_than_the_upload_limit_is_413_with_a_sentence_whether_or_not_its_length_is_declared(bool declared)
    {
        harness.Options.MaxUploadBytes = 256 * 1024;
        var request = FunctionHarness.Multipart(new byte[1024 * 1024], new Dictionary<string, string>());
        request.ContentLength = declared ? request.Body.Length : null;

        var (status, body) = FunctionHarness.Read(await harness.Function<CreateRelease>().Run(request, default));

        Assert.Equal(413, status);
        Assert.Equal("The file is larger than 256 KB: compress the pictures in Word (Picture Format › Compress Pictures) and upload it again.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_post_that_is_not_multipart_is_400_with_a_sentence()
    {
        var (status, body) = FunctionHarness.Read(await harness.Function<CreateRelease>().Run(FunctionHarness.Json("POST", "{}"), default));

        Assert.Equal(400, status);
        Assert.Equal("Send the release as multipart/form-data with the .docx in the field 'file'.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Getting_an_unknown_release_is_404_with_a_sentence()
    {
        var (status, body) = FunctionHarness.Read(await harness.Function<GetRelease>().Run(FunctionHarness.Json("GET"), "0123456789abcdef0123", default));
        var (badStatus, _) = FunctionHarness.Read(await harness.Function<GetRelease>().Run(FunctionHarness.Json("GET"), "../status.json", default));

        Assert.Equal(404, status);
        Assert.Equal("There is no release with id '0123456789abcdef0123'.", body.GetProperty("error").GetString());
        Assert.Equal(404, badStatus);
    }

    [Fact]
    public async Task Schedule_then_cancel_over_the_API_and_cancel_after_sending_is_409()
    {
        var (_, created) = await PostAsync(TestDocx.Build("Schedule over the API"), new Dictionary<string, string>());
        var id = created.GetProperty("status").GetProperty("id").GetString()!;

        var (scheduled, scheduledBody) = FunctionHarness.Read(await harness.Function<ScheduleRelease>().Run(
            FunctionHarness.Json("POST", """{ "lists": ["media"], "sendAt": "2026-12-01T09:00", "zone": "Europe/Berlin" }"""), id, default));
        var (cancelled, cancelledBody) = FunctionHarness.Read(await harness.Function<CancelRelease>().Run(FunctionHarness.Json("POST"), id, default));
        await harness.Function<ScheduleRelease>().Run(FunctionHarness.Json("POST", """{ "lists": ["media"], "sendAt": "2026-12-01T09:00", "zone": "Europe/Berlin" }"""), id, default);
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await harness.Get<DueWorkDispatcher>().DispatchDueAsync(default);
        var (late, lateBody) = FunctionHarness.Read(await harness.Function<CancelRelease>().Run(FunctionHarness.Json("POST"), id, default));

        Assert.Equal(200, scheduled);
        Assert.Equal("Scheduled", scheduledBody.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(200, cancelled);
        Assert.Equal("Cancelled", cancelledBody.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(409, late);
        Assert.Equal($"Release {id} is already being sent, so it cannot become Cancelled.", lateBody.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Schedule_without_a_send_time_is_400_and_says_nothing_is_sent_without_one()
    {
        var (_, created) = await PostAsync(TestDocx.Build("No time"), new Dictionary<string, string>());
        var id = created.GetProperty("status").GetProperty("id").GetString()!;

        var (status, body) = FunctionHarness.Read(await harness.Function<ScheduleRelease>().Run(FunctionHarness.Json("POST", """{ "lists": ["media"] }"""), id, default));

        Assert.Equal(400, status);
        Assert.Equal("Give a send time; nothing is sent without lists and a send time.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Listing_releases_returns_the_recent_ones()
    {
        await PostAsync(TestDocx.Build("Listed"), new Dictionary<string, string>());

        var (status, body) = FunctionHarness.Read(await harness.Function<ListReleases>().Run(FunctionHarness.Json("GET", query: "?count=5"), default));

        Assert.Equal(200, status);
        Assert.Equal("Listed", Assert.Single(body.EnumerateArray()).GetProperty("title").GetString());
    }
}
