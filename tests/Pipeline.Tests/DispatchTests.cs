using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

public sealed class DispatchTests : IAsyncLifetime
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
    public async Task Two_dispatchers_racing_on_due_releases_enqueue_each_once()
    {
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await harness.UploadAsync(TestDocx.Build($"Race {i}"), Flow.Send("2026-12-01T09:00"))).ReleaseId);
        }

        harness.Time.SetUtcNow(SendAt);

        // Two instances of the app: separate dispatchers, same storage.
        var first = harness.Get<DueWorkDispatcher>();
        var second = new DueWorkDispatcher(
            harness.Get<ScheduleIndex>(), harness.Get<ReleaseStatusStore>(), harness.Get<Storage.ReleaseBlobStore>(),
            harness.Get<DispatchRequests>(), harness.Get<WorkQueue>(), harness.Get<Operations.ReleaseApprovals>(), harness.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DueWorkDispatcher>.Instance);
        var runs = await Task.WhenAll(
            Task.Run(() => first.DispatchDueAsync(default)),
            Task.Run(() => second.DispatchDueAsync(default)),
            Task.Run(() => first.DispatchDueAsync(default)),
            Task.Run(() => second.DispatchDueAsync(default)));

        var queued = await harness.Get<WorkQueue>().PeekAsync(default);
        Assert.Equal(ids.Order(), queued.Where(w => w.Kind == WorkKind.Send).Select(w => w.ReleaseId).Order());
        Assert.Equal(ids.Order(), queued.Where(w => w.Kind == WorkKind.Publish).Select(w => w.ReleaseId).Order());
        Assert.Equal(8, runs.Sum(r => r.Enqueued.Count));
        Assert.Empty((await harness.DispatchAsync()).Enqueued);
    }

    [Fact]
    public async Task Send_work_hands_the_whole_request_to_the_distributor_and_marks_the_release_Sent()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Send me", "FOR IMMEDIATE RELEASE"), Flow.Send("2026-12-01T09:00", lists: ["media", "ngo"]))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();

        await harness.WorkAsync();

        var request = Assert.Single(harness.Distributor.Requests);
        Assert.Equal(id, request.ReleaseId);
        Assert.Equal(["media", "ngo"], request.Lists);
        Assert.Equal(SendAt, request.SendAt);
        Assert.Equal("Asia/Almaty", request.TimeZoneId);
        // Immediate or not, the e-mail links through the route that redirects to the newsroom once public.
        Assert.StartsWith($"https://press.example.org/api/files/{id}/0.", request.WebPageUrl!.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("/index.html", request.WebPageUrl!.AbsoluteUri, StringComparison.Ordinal);
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Sent, status.State);
        Assert.Equal(3, status.Distribution!.Recipients);
        Assert.NotNull(status.PublishedAt);
    }

    [Fact]
    public async Task The_same_send_message_delivered_twice_distributes_once()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Twice"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        var send = Assert.Single((await harness.DispatchAsync()).Enqueued, w => w.Kind == WorkKind.Send);
        var worker = harness.Get<ReleaseWorker>();

        await worker.HandleAsync(send, default);
        var again = await worker.HandleAsync(send, default);

        Assert.Single(harness.Distributor.Requests);
        Assert.Equal("skipped: release is Sent", again.Summary);
        Assert.Equal(id, harness.Distributor.Requests.Single().ReleaseId);
    }

    [Fact]
    public async Task Failed_batches_leave_the_release_PartlySent_with_the_reasons()
    {
        harness.Distributor.FailWith = ["Batch 2 of 3 was refused by SendGrid (400): too many recipients."];
        var id = (await harness.UploadAsync(TestDocx.Build("Partly"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();

        await harness.WorkAsync();

        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.PartlySent, status.State);
        Assert.Equal(harness.Distributor.FailWith, status.Reasons);
    }

    [Fact]
    public async Task Embargoed_send_links_are_signed_and_the_embargo_travels_with_the_request()
    {
        var docx = TestDocx.Build("Embargoed", "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty");
        var id = (await harness.UploadAsync(docx, Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();

        await harness.WorkAsync();

        var request = Assert.Single(harness.Distributor.Requests);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 5, 0, 0, TimeSpan.Zero), request.PublishAt);
        Assert.StartsWith($"https://press.example.org/api/files/{id}/", request.WebPageUrl!.AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("/index.html", request.WebPageUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.Matches($"/api/files/{id}/[0-9]+\\.[A-Za-z0-9_-]+/release\\.pdf$", request.PdfUrl!.AbsoluteUri);
        Assert.Null((await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).PublishedAt);
    }

    [Fact]
    public async Task A_work_item_that_arrives_early_is_put_back_until_it_is_due()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Early"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        var send = Assert.Single((await harness.DispatchAsync()).Enqueued, w => w.Kind == WorkKind.Send);

        // As if another machine's clock ran 20 s ahead of ours when it dispatched.
        var result = await harness.Get<ReleaseWorker>().HandleAsync(send with { DueAt = SendAt.AddSeconds(20) }, default);

        Assert.Equal("not due for 20 s; put back until then", result.Summary);
        Assert.Empty(harness.Distributor.Requests);
        Assert.Equal(ReleaseState.Sending, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).State);
    }

    [Fact]
    public async Task Stale_index_entry_left_by_a_crash_is_dropped_without_enqueuing()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Stale"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        var index = harness.Get<ScheduleIndex>();
        var leftover = new ScheduleEntry(SendAt.AddHours(-1), WorkKind.Send, id);
        await index.AddAsync(leftover, default);

        harness.Time.SetUtcNow(SendAt.AddHours(-1).AddMinutes(11));
        var summary = await harness.DispatchAsync();

        Assert.Empty(summary.Enqueued);
        Assert.Equal(1, summary.Stale);
        Assert.DoesNotContain(leftover, await index.EntriesOfAsync(id, default));
    }

    [Fact]
    public async Task Dispatcher_that_died_after_claiming_a_send_is_completed_by_the_next_run()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Crash"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);

        // What a crash between "status → Sending" and "enqueue" leaves behind: Sending, entry still indexed.
        await harness.Get<ReleaseStatusStore>().UpdateAsync(id, s => s.MoveTo(ReleaseState.Sending, SendAt, "Sending started."), default);
        var summary = await harness.DispatchAsync();

        Assert.Contains(summary.Enqueued, w => w.Kind == WorkKind.Send && w.ReleaseId == id);
    }
}
