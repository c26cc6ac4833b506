using Azure.Storage.Blobs.Models;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>A cancel or reschedule landing while the publisher copies leaves nothing public.</summary>
public sealed class PublishCancelRaceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Lift = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<string> ScheduledAsync(string title)
    {
        var docx = TestDocx.Build(title, "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty");
        return (await harness.UploadAsync(docx, Flow.Send("2026-12-03T09:00"))).ReleaseId;
    }

    private async Task<List<string>> NewsroomAsync(string id)
    {
        var names = new List<string>();
        var container = harness.Container(harness.Options.NewsroomContainer);
        if (await container.ExistsAsync())
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, id + "/", default))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    [Fact]
    public async Task A_cancel_landing_during_the_copy_removes_what_was_copied()
    {
        var id = await ScheduledAsync("Cancelled mid-copy");
        harness.Time.SetUtcNow(Lift);
        var publisher = harness.Get<ReleasePublisher>();
        var copiedBeforeCancel = new List<string>();
        publisher.AfterCopy = async ct =>
        {
            copiedBeforeCancel.AddRange(await NewsroomAsync(id));
            await harness.Get<ReleaseScheduler>().CancelAsync(id, ct);
        };

        var outcome = await publisher.PublishAsync(id, default);

        Assert.NotEmpty(copiedBeforeCancel);
        Assert.Equal(PublishOutcome.NotPublishable, outcome);
        Assert.Empty(await NewsroomAsync(id));
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Cancelled, status.State);
        Assert.Null(status.PublishedAt);
    }

    [Fact]
    public async Task A_reschedule_landing_during_the_copy_removes_what_was_copied_until_the_new_time()
    {
        var id = await ScheduledAsync("Moved mid-copy");
        harness.Time.SetUtcNow(Lift);
        var publisher = harness.Get<ReleasePublisher>();
        publisher.AfterCopy = ct => harness.Get<ReleaseScheduler>().ScheduleAsync(id, Flow.Send("2026-12-03T09:00", publishAt: "2026-12-04T10:00"), ct);

        Assert.Equal(PublishOutcome.NotPublishable, await publisher.PublishAsync(id, default));
        Assert.Empty(await NewsroomAsync(id));
    }

    [Fact]
    public async Task A_harmless_status_change_during_the_copy_still_publishes()
    {
        var id = await ScheduledAsync("Noted mid-copy");
        harness.Time.SetUtcNow(Lift);
        var publisher = harness.Get<ReleasePublisher>();
        publisher.AfterCopy = ct => harness.Get<ReleaseStatusStore>().UpdateAsync(id, s => s.Note(Lift, "Someone looked."), ct);

        Assert.Equal(PublishOutcome.Published, await publisher.PublishAsync(id, default));
        Assert.NotEmpty(await NewsroomAsync(id));
        Assert.NotNull((await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).PublishedAt);
    }

    [Fact]
    public async Task Publish_and_cancel_racing_freely_never_leave_a_private_release_public()
    {
        harness.Time.SetUtcNow(Now);
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await ScheduledAsync($"Race {i}"));
        }

        harness.Time.SetUtcNow(Lift);
        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            // Stagger the cancel so some land before, some during and some after the copy.
            var publish = harness.Get<ReleasePublisher>().PublishAsync(id, default);
            await Task.Delay(i * 7);
            var cancel = harness.Get<ReleaseScheduler>().CancelAsync(id, default);
            await Task.WhenAll(publish, cancel);
        }));

        foreach (var id in ids)
        {
            var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
            var files = await NewsroomAsync(id);
            Assert.Equal(ReleaseState.Cancelled, status.State);
            Assert.True(
                status.PublishedAt is null ? files.Count == 0 : files.Count > 0,
                $"release {id}: publishedAt {status.PublishedAt}, {files.Count} public files");
        }
    }
}
