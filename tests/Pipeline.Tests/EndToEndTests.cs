using PressPipeline.Conversion;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>The whole flow with the real reader and renderers: what staff and journalists actually get.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2014, 5, 14, 3, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now, ReleaseConverter.CreateDefault());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Embargo_in_the_document_holds_the_web_page_back_until_it_lifts_while_the_email_goes_out_earlier()
    {
        var docx = TestDocx.Build(
            "Roundtable on labour migration in Central Asia",
            "EMBARGOED UNTIL 22 May 2014, 11:30 Astana time",
            "Astana, May 14, 2014 – The International Organization for Migration held a roundtable.",
            "###");
        var sendAt = new DateTimeOffset(2014, 5, 21, 3, 0, 0, TimeSpan.Zero);
        var lifts = new DateTimeOffset(2014, 5, 22, 5, 30, 0, TimeSpan.Zero);

        var intake = await harness.UploadAsync(docx, new ReleaseInstructions(["media"], [], "2014-05-21T09:00", null, "Asia/Almaty"));
        Assert.Equal(ReleaseState.Scheduled, intake.Status.State);
        Assert.Equal(ReleaseLineKind.Embargoed, intake.Status.ReleaseLine!.Kind);
        Assert.Equal(lifts, intake.Status.Plan!.PublishAt);
        Assert.Equal(["web", "email", "text", "pdf"], intake.Status.Files.Select(f => f.Variant));

        harness.Time.SetUtcNow(sendAt);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        var request = Assert.Single(harness.Distributor.Requests);
        Assert.Equal(lifts, request.PublishAt);
        Assert.Contains($"/api/files/{intake.ReleaseId}/", request.WebPageUrl!.AbsolutePath, StringComparison.Ordinal);
        var newsroom = harness.Container(harness.Options.NewsroomContainer).GetBlobClient($"{intake.ReleaseId}/index.html");
        Assert.False(await newsroom.ExistsAsync());

        harness.Time.SetUtcNow(lifts);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        Assert.True(await newsroom.ExistsAsync());
        var page = (await newsroom.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Roundtable on labour migration in Central Asia", page, StringComparison.Ordinal);
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(intake.ReleaseId, default);
        Assert.Equal(ReleaseState.Sent, status.State);
        Assert.Equal(lifts, status.PublishedAt);
    }

    [Fact]
    public async Task Content_source_gives_distribution_the_rendered_email_and_text()
    {
        var docx = TestDocx.Build("Headline for the subject", "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – Body.");
        var id = (await harness.UploadAsync(docx)).ReleaseId;

        var content = await harness.Get<Distribution.IReleaseContentSource>().LoadAsync(id, default);
        var pdf = await harness.Get<Distribution.IReleaseContentSource>().LoadPdfAsync(id, default);

        Assert.Equal("Headline for the subject", content.Headline);
        Assert.Contains("Headline for the subject", content.Html, StringComparison.Ordinal);
        Assert.Contains("Body.", content.Text, StringComparison.Ordinal);
        Assert.True(pdf!.Value.Length > 1000);
    }
}
