using System.Text;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests;

public sealed class UploadProcessorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task PutAsync(string name, byte[] docx, ReleaseInstructions instructions)
    {
        using var stream = new MemoryStream(docx);
        await harness.Get<UploadsInbox>().PutAsync(name, stream, instructions, default);
    }

    private async Task PutSidecarAsync(string name, string json)
    {
        var uploads = await harness.Storage.EnsureContainerAsync(harness.Options.UploadsContainer, default);
        await uploads.GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(json)), overwrite: true);
    }

    private Task<IntakeResult?> ProcessAsync(string name) => harness.Get<UploadProcessor>().ProcessAsync(name, null, default);

    [Fact]
    public async Task The_uploader_named_in_blob_metadata_is_recorded_and_a_file_dropped_by_hand_names_nobody()
    {
        using (var content = new MemoryStream(TestDocx.Build("Named uploader")))
        {
            await harness.Get<UploadsInbox>().PutAsync("named.docx", content, ReleaseInstructions.None, default, new Actor("Әлия Сейітова", Door.Cli));
        }

        await PutAsync("dropped.docx", TestDocx.Build("Dropped by hand"), ReleaseInstructions.None);

        var named = (await ProcessAsync("named.docx"))!.Status;
        var dropped = (await ProcessAsync("dropped.docx"))!.Status;

        Assert.Equal(new Actor("Әлия Сейітова", Door.Cli), named.UploadedBy);
        Assert.Equal(named.UploadedBy, named.History[0].By);
        Assert.Equal(new Actor("unknown (uploads container)", Door.Upload), dropped.UploadedBy);
        Assert.Equal(Actor.System, dropped.History[1].By);
    }

    [Fact]
    public async Task Blob_metadata_gives_lists_and_times()
    {
        await PutAsync("meta.docx", TestDocx.Build("Meta"), new ReleaseInstructions(["media", "ngo"], ["health"], "2026-12-01T09:00", "2026-12-01T10:00", "Asia/Almaty"));

        var result = await ProcessAsync("meta.docx");

        Assert.Equal(ReleaseState.Scheduled, result!.Status.State);
        Assert.Equal(["media", "ngo"], result.Status.Plan!.Lists);
        Assert.Equal(["health"], result.Status.Plan.Tags);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero), result.Status.Plan.PublishAt);
    }

    [Fact]
    public async Task Sidecar_json_wins_over_metadata_field_by_field()
    {
        await PutAsync("both.docx", TestDocx.Build("Both"), new ReleaseInstructions(["media"], [], "2026-12-01T09:00", null, "Asia/Almaty"));
        await PutSidecarAsync("both.docx.json", """{ "lists": ["partners"], "zone": "Europe/Berlin" }""");

        var result = await ProcessAsync("both.docx");

        Assert.Equal(["partners"], result!.Status.Plan!.Lists);
        Assert.Equal("Europe/Berlin", result.Status.Plan.TimeZoneId);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), result.Status.Plan.SendAt);
    }

    [Fact]
    public async Task Sidecar_arriving_after_its_document_schedules_the_converted_release()
    {
        await PutAsync("late.docx", TestDocx.Build("Late sidecar"), ReleaseInstructions.None);
        var first = await ProcessAsync("late.docx");
        Assert.Equal(ReleaseState.Converted, first!.Status.State);

        await PutSidecarAsync("late.docx.json", """{ "lists": "media, ngo", "sendAt": "2026-12-01T09:00", "zone": "Asia/Almaty" }""");
        var second = await ProcessAsync("late.docx.json");

        Assert.Equal(first.ReleaseId, second!.ReleaseId);
        Assert.Equal(ReleaseState.Scheduled, second.Status.State);
        Assert.Equal(["media", "ngo"], second.Status.Plan!.Lists);
    }

    [Fact]
    public async Task Sidecar_without_its_document_waits()
    {
        await PutSidecarAsync("nothing-yet.docx.json", """{ "lists": ["media"] }""");

        Assert.Null(await ProcessAsync("nothing-yet.docx.json"));
    }

    [Fact]
    public async Task Broken_sidecar_converts_the_document_and_says_what_is_wrong_with_the_sidecar()
    {
        await PutAsync("broken.docx", TestDocx.Build("Broken sidecar"), ReleaseInstructions.None);
        await PutSidecarAsync("broken.docx.json", "{ lists: media ");

        var result = await ProcessAsync("broken.docx");

        Assert.Equal(ReleaseState.Converted, result!.Status.State);
        Assert.StartsWith("The sidecar JSON could not be read", Assert.Single(result.Status.InstructionProblems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retriggered_upload_event_is_a_no_op()
    {
        await PutAsync("again.docx", TestDocx.Build("Again"), new ReleaseInstructions(["media"], [], "2026-12-01T09:00", null, "Asia/Almaty"));
        var first = await ProcessAsync("again.docx");

        var second = await ProcessAsync("again.docx");

        Assert.True(second!.AlreadyKnown);
        Assert.Equal(first!.Status.History, second.Status.History);
    }

    [Fact]
    public async Task The_upload_itself_is_left_unchanged()
    {
        var docx = TestDocx.Build("Untouched");
        await PutAsync("untouched.docx", docx, new ReleaseInstructions(["media"], [], "2026-12-01T09:00", null, "Asia/Almaty"));
        var before = (await harness.Container(harness.Options.UploadsContainer).GetBlobClient("untouched.docx").GetPropertiesAsync()).Value.ETag;

        await ProcessAsync("untouched.docx");

        var blob = harness.Container(harness.Options.UploadsContainer).GetBlobClient("untouched.docx");
        Assert.Equal(before, (await blob.GetPropertiesAsync()).Value.ETag);
        Assert.Equal(docx, (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }
}
