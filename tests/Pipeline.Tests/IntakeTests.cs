using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

public sealed class IntakeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Docx_alone_is_converted_with_every_variant_and_original_but_never_scheduled()
    {
        var docx = TestDocx.Build("Roundtable on migration", "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – Body.");

        var result = await harness.UploadAsync(docx);

        Assert.Equal(ReleaseState.Converted, result.Status.State);
        Assert.Equal("Roundtable on migration", result.Status.Title);
        Assert.Null(result.Status.Plan);
        Assert.Equal(["web", "email", "text", "pdf"], result.Status.Files.Select(f => f.Variant));
        var store = harness.Get<ReleaseBlobStore>();
        Assert.Equal(docx, (await store.ReadAsync(result.ReleaseId, ReleaseBlobStore.OriginalName, default))!.ToArray());
        var manifest = await store.GetManifestAsync(result.ReleaseId, default);
        Assert.Equal("press@example.org", manifest!.Main.Metadata.MediaContactEmail);
        Assert.Empty(await harness.Get<ScheduleIndex>().EntriesOfAsync(result.ReleaseId, default));

        harness.Time.Advance(TimeSpan.FromDays(365));
        Assert.Empty((await harness.DispatchAsync()).Enqueued);
    }

    [Fact]
    public async Task Same_bytes_uploaded_again_are_the_same_release_and_change_nothing()
    {
        var docx = TestDocx.Build("Same file twice");
        var first = await harness.UploadAsync(docx, name: "a.docx");
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        var second = await harness.UploadAsync(docx, name: "copy of a.docx");

        Assert.Equal(first.ReleaseId, second.ReleaseId);
        Assert.True(second.AlreadyKnown);
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(first.ReleaseId, default);
        Assert.Equal(first.Status.History, status.History);
        Assert.Equal("a.docx", status.SourceName);
    }

    [Fact]
    public async Task Different_bytes_get_different_ids()
    {
        var a = await harness.UploadAsync(TestDocx.Build("One"));
        var b = await harness.UploadAsync(TestDocx.Build("Two"));

        Assert.NotEqual(a.ReleaseId, b.ReleaseId);
    }

    [Fact]
    public async Task Rejected_upload_gets_status_Rejected_with_the_converter_sentence_and_the_original_is_kept()
    {
        var notAWordFile = "this is a text file renamed to .docx"u8.ToArray();

        var result = await harness.UploadAsync(notAWordFile, Flow.Send("2026-12-01T09:00"), name: "notes.docx");

        Assert.Equal(ReleaseState.Rejected, result.Status.State);
        var reason = Assert.Single(result.Status.Reasons);
        Assert.Contains("not a Word document", reason, StringComparison.Ordinal);
        Assert.Equal(reason, result.Status.History[^1].Message);
        Assert.Null(result.Status.Plan);
        var original = await harness.Get<ReleaseBlobStore>().ReadAsync(result.ReleaseId, ReleaseBlobStore.OriginalName, default);
        Assert.Equal(notAWordFile, original!.ToArray());
    }

    [Fact]
    public async Task Lists_and_send_time_on_upload_schedule_the_release()
    {
        var result = await harness.UploadAsync(TestDocx.Build("Scheduled on upload"), Flow.Send("2026-12-01T09:00", lists: ["media", "partners"]));

        Assert.Equal(ReleaseState.Scheduled, result.Status.State);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero), result.Status.Plan!.SendAt);
        Assert.Equal(["media", "partners"], result.Status.Plan.Lists);
        Assert.Equal(
            [ReleaseState.Received, ReleaseState.Converted, ReleaseState.Scheduled],
            result.Status.History.Select(h => h.State));
    }

    [Fact]
    public async Task Lists_without_a_send_time_are_not_scheduled_and_the_status_says_why()
    {
        var result = await harness.UploadAsync(TestDocx.Build("Lists only"), new ReleaseInstructions(["media"], [], null, null, null));

        Assert.Equal(ReleaseState.Converted, result.Status.State);
        Assert.Null(result.Status.Plan);
        Assert.Contains("Give a send time", result.InstructionProblem, StringComparison.Ordinal);
        Assert.Equal([result.InstructionProblem!], result.Status.InstructionProblems);
    }

    [Fact]
    public async Task Send_time_without_lists_is_not_scheduled()
    {
        var result = await harness.UploadAsync(TestDocx.Build("Time only"), new ReleaseInstructions([], [], "2026-12-01T09:00", null, "Asia/Almaty"));

        Assert.Equal(ReleaseState.Converted, result.Status.State);
        Assert.Contains("Give at least one media list", result.InstructionProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_embargo_is_the_default_publish_time()
    {
        var docx = TestDocx.Build("Embargoed", "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty");

        var result = await harness.UploadAsync(docx, Flow.Send("2026-12-01T09:00"));

        Assert.Equal(ReleaseLineKind.Embargoed, result.Status.ReleaseLine!.Kind);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 5, 0, 0, TimeSpan.Zero), result.Status.Plan!.PublishAt);
    }

    [Fact]
    public async Task Immediate_release_publishes_at_the_send_time()
    {
        var result = await harness.UploadAsync(TestDocx.Build("Now", "FOR IMMEDIATE RELEASE"), Flow.Send("2026-12-01T09:00"));

        Assert.Equal(result.Status.Plan!.SendAt, result.Status.Plan.PublishAt);
    }
}
