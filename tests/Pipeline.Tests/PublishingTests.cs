using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

public sealed class PublishingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EmbargoLifts = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<bool> IsPublicAsync(string id, string file) =>
        await harness.Container(harness.Options.NewsroomContainer).GetBlobClient($"{id}/{file}").ExistsAsync();

    [Fact]
    public async Task Embargoed_release_is_not_public_before_its_publish_time()
    {
        var docx = TestDocx.Build("Embargoed", "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty");
        var id = (await harness.UploadAsync(docx, Flow.Send("2026-12-01T09:00"))).ReleaseId;

        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        Assert.Single(harness.Distributor.Requests);
        Assert.False(await IsPublicAsync(id, "index.html"));

        harness.Time.SetUtcNow(EmbargoLifts.AddSeconds(-1));
        await harness.DispatchAsync();
        await harness.WorkAsync();
        Assert.False(await IsPublicAsync(id, "index.html"));

        harness.Time.SetUtcNow(EmbargoLifts);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        Assert.True(await IsPublicAsync(id, "index.html"));
        Assert.True(await IsPublicAsync(id, "release.pdf"));
        Assert.False(await IsPublicAsync(id, "email.html"));
        Assert.False(await IsPublicAsync(id, "original.docx"));
    }

    [Fact]
    public async Task Publisher_refuses_to_publish_early_whoever_asks()
    {
        var docx = TestDocx.Build("Early ask", "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty");
        var id = (await harness.UploadAsync(docx, Flow.Send("2026-12-01T09:00"))).ReleaseId;

        var outcome = await harness.Get<ReleasePublisher>().PublishAsync(id, default);

        Assert.Equal(PublishOutcome.NotYetDue, outcome);
        Assert.False(await IsPublicAsync(id, "index.html"));
    }

    [Fact]
    public async Task Converted_release_without_a_schedule_is_never_published()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Preview only"))).ReleaseId;
        harness.Time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(PublishOutcome.NotPublishable, await harness.Get<ReleasePublisher>().PublishAsync(id, default));
        Assert.False(await IsPublicAsync(id, "index.html"));
    }

    [Fact]
    public async Task Published_page_is_readable_anonymously_at_its_public_url()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Open"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        var url = harness.Get<NewsroomUrls>().FileOf(id, "index.html");
        using var http = new HttpClient();
        var body = await http.GetStringAsync(url);

        Assert.Equal("web: Open", body);
    }

    [Fact]
    public async Task Private_release_files_are_not_readable_anonymously()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Closed"))).ReleaseId;
        var url = harness.Container(harness.Options.ReleasesContainer).GetBlobClient($"{id}/index.html").Uri;

        using var http = new HttpClient();
        var response = await http.GetAsync(url);

        Assert.False(response.IsSuccessStatusCode);
    }
}
