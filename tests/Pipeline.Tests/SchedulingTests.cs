using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

public sealed class SchedulingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NineAlmatyDec1 = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private ReleaseScheduler Scheduler => harness.Get<ReleaseScheduler>();

    [Fact]
    public async Task Scheduling_a_converted_release_writes_one_index_entry_for_the_send_and_one_for_the_publish()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Later"))).ReleaseId;

        var status = await Scheduler.ScheduleAsync(id, Flow.Send("2026-12-01T09:00", publishAt: "2026-12-01T12:00"), default);

        Assert.Equal(ReleaseState.Scheduled, status.State);
        var entries = await harness.Get<ScheduleIndex>().EntriesOfAsync(id, default);
        Assert.Equal(
            [new ScheduleEntry(NineAlmatyDec1, WorkKind.Send, id), new ScheduleEntry(NineAlmatyDec1.AddHours(3), WorkKind.Publish, id)],
            entries.OrderBy(e => e.DueAt));
    }

    [Fact]
    public async Task Nothing_is_enqueued_before_the_send_time_and_the_send_is_enqueued_at_it()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("On time"), Flow.Send("2026-12-01T09:00"))).ReleaseId;

        harness.Time.SetUtcNow(NineAlmatyDec1.AddSeconds(-1));
        Assert.Empty((await harness.DispatchAsync()).Enqueued);

        harness.Time.SetUtcNow(NineAlmatyDec1);
        var summary = await harness.DispatchAsync();

        var send = Assert.Single(summary.Enqueued, w => w.Kind == WorkKind.Send);
        Assert.Equal(id, send.Dispatch!.ReleaseId);
        Assert.Equal(ReleaseState.Sending, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).State);
    }

    [Fact]
    public async Task Cancel_before_the_send_time_means_nothing_is_ever_enqueued_or_sent()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Cancel me"), Flow.Send("2026-12-01T09:00"))).ReleaseId;

        var cancelled = await Scheduler.CancelAsync(id, default);
        harness.Time.SetUtcNow(NineAlmatyDec1.AddHours(1));
        var summary = await harness.DispatchAsync();
        await harness.WorkAsync();

        Assert.Equal(ReleaseState.Cancelled, cancelled.State);
        Assert.Empty(summary.Enqueued);
        Assert.Empty(harness.Distributor.Requests);
        Assert.Empty(await harness.Get<ScheduleIndex>().EntriesOfAsync(id, default));
    }

    [Fact]
    public async Task Reschedule_moves_the_send_and_the_old_time_no_longer_fires()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Move me"), Flow.Send("2026-12-01T09:00"))).ReleaseId;

        var moved = await Scheduler.ScheduleAsync(id, Flow.Send("2026-12-01T15:00"), default);

        Assert.Contains("Rescheduled", moved.History[^1].Message, StringComparison.Ordinal);
        harness.Time.SetUtcNow(NineAlmatyDec1.AddMinutes(30));
        Assert.Empty((await harness.DispatchAsync()).Enqueued);
        harness.Time.SetUtcNow(NineAlmatyDec1.AddHours(6));
        var send = Assert.Single((await harness.DispatchAsync()).Enqueued, w => w.Kind == WorkKind.Send);
        Assert.Equal(NineAlmatyDec1.AddHours(6), send.Dispatch!.SendAt);
    }

    [Fact]
    public async Task Cancelled_release_can_be_scheduled_again()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Back on"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        await Scheduler.CancelAsync(id, default);

        var again = await Scheduler.ScheduleAsync(id, Flow.Send("2026-12-02T09:00"), default);

        Assert.Equal(ReleaseState.Scheduled, again.State);
    }

    [Fact]
    public async Task Cancel_and_reschedule_are_refused_once_sending_has_started()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Too late"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(NineAlmatyDec1);
        await harness.DispatchAsync();

        var cancel = await Assert.ThrowsAsync<ReleaseProblemException>(() => Scheduler.CancelAsync(id, default));
        var reschedule = await Assert.ThrowsAsync<ReleaseProblemException>(() => Scheduler.ScheduleAsync(id, Flow.Send("2026-12-03T09:00"), default));

        Assert.Equal(ProblemKind.Conflict, cancel.Kind);
        Assert.Equal($"Release {id} is already being sent, so it cannot become Cancelled.", cancel.Message);
        Assert.Equal(ProblemKind.Conflict, reschedule.Kind);
    }

    [Fact]
    public async Task Rejected_release_cannot_be_scheduled()
    {
        var id = (await harness.UploadAsync("not a docx"u8.ToArray())).ReleaseId;

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => Scheduler.ScheduleAsync(id, Flow.Send("2026-12-01T09:00"), default));

        Assert.Equal(ProblemKind.Conflict, problem.Kind);
        Assert.Empty(await harness.Get<ScheduleIndex>().EntriesOfAsync(id, default));
    }

    [Fact]
    public async Task Scheduling_an_unknown_release_says_so()
    {
        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => Scheduler.ScheduleAsync("0123456789abcdef0123", Flow.Send("2026-12-01T09:00"), default));

        Assert.Equal(ProblemKind.NotFound, problem.Kind);
        Assert.Equal("There is no release with id '0123456789abcdef0123'.", problem.Message);
    }

    [Fact]
    public async Task Send_time_in_the_past_is_refused_with_a_sentence()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Past"))).ReleaseId;

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => Scheduler.ScheduleAsync(id, Flow.Send("2014-05-22T11:30"), default));

        Assert.Equal(ProblemKind.Invalid, problem.Kind);
        Assert.StartsWith("Send time 2014-05-22T11:30 is in the past", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_zone_is_refused_with_the_zone_to_use()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Zone"))).ReleaseId;

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => Scheduler.ScheduleAsync(id, Flow.Send("2026-12-01T09:00", zone: "Pacific Standard Time"), default));

        Assert.Equal("Zone 'Pacific Standard Time' is not a time zone we know; use America/Los_Angeles.", problem.Message);
    }

    [Fact]
    public async Task Unparsed_embargo_without_a_publish_time_is_refused_rather_than_guessed()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Vague", "EMBARGOED UNTIL next Tuesday morning"))).ReleaseId;

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() => Scheduler.ScheduleAsync(id, Flow.Send("2026-12-01T09:00"), default));

        Assert.Contains("give a publish time", problem.Message, StringComparison.Ordinal);
        var withTime = await Scheduler.ScheduleAsync(id, Flow.Send("2026-12-01T09:00", publishAt: "2026-12-02T09:00"), default);
        Assert.Equal(ReleaseState.Scheduled, withTime.State);
    }

    [Fact]
    public async Task List_names_that_could_escape_the_contacts_folder_are_refused()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Lists"))).ReleaseId;

        var problem = await Assert.ThrowsAsync<ReleaseProblemException>(() =>
            Scheduler.ScheduleAsync(id, new ReleaseInstructions(["../secrets"], [], "2026-12-01T09:00", null, "Asia/Almaty"), default));

        Assert.Contains("List name '../secrets' may use only letters", problem.Message, StringComparison.Ordinal);
    }
}
