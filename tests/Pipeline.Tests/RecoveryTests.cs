using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Recovery;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>PartlySent is not a dead end: staff resume it and the worker sends again.</summary>
public sealed class RecoveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_partly_sent_release_resumed_by_staff_is_sent_again_and_the_history_says_who()
    {
        harness.Distributor.FailWith = ["Batch b-1 (1,000 recipients) was not sent: SendGrid could not be reached."];
        var id = (await harness.UploadAsync(TestDocx.Build("Resume me"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        Assert.Equal(ReleaseState.PartlySent, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).State);

        harness.Distributor.FailWith = [];
        var resumed = await harness.Get<ReleaseRecovery>().ResumeAsync(id, new Actor("aigerim", Door.Cli), default);
        Assert.Equal(ReleaseState.Sending, resumed.State);
        var work = await harness.WorkAsync();

        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Sent, status.State);
        Assert.Equal(2, harness.Distributor.Requests.Count);
        Assert.Contains(work, w => w.Item.Kind == WorkKind.Send && w.Summary.StartsWith("sent to", StringComparison.Ordinal));
        Assert.Contains(status.History, e => e.State == ReleaseState.Sending && e.Message.Contains("Resumed by aigerim (cli)", StringComparison.Ordinal));
        Assert.Equal([ReleaseState.Sending, ReleaseState.PartlySent, ReleaseState.Sending, ReleaseState.Sent], status.History.Select(e => e.State).TakeLast(4));
    }

    [Fact]
    public async Task Only_a_partly_sent_release_can_be_resumed()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Not sent yet"), Flow.Send("2026-12-01T09:00"))).ReleaseId;

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => harness.Get<ReleaseRecovery>().ResumeAsync(id, Actor.Of("staff", Door.Cli), default));

        Assert.Equal(ProblemKind.Conflict, problem.Kind);
        Assert.Equal($"Release {id} is Scheduled; only a partly sent release can be resumed.", problem.Message);
        Assert.Empty(await harness.Get<WorkQueue>().PeekAsync(default));
    }
}
