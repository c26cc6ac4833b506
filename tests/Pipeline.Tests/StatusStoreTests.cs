using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

public sealed class StatusStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private ReleaseStatusStore Store => harness.Get<ReleaseStatusStore>();

    [Fact]
    public async Task Concurrent_updates_all_land_because_conflicts_are_retried_on_fresh_status()
    {
        var id = "aaaaaaaaaaaaaaaaaaa1";
        Assert.True(await Store.TryCreateAsync(ReleaseStatus.Received(id, "a.docx", Now), default));

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => Store.UpdateAsync(id, s => s.Note(Now, $"note {i}"), default))));

        var status = await Store.RequireAsync(id, default);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"note {i}").Order(), status.History.Skip(1).Select(h => h.Message).Order());
    }

    [Fact]
    public async Task A_change_decided_on_a_stale_status_is_re_decided_on_the_fresh_one()
    {
        var id = "aaaaaaaaaaaaaaaaaaa2";
        await Store.TryCreateAsync(ReleaseStatus.Received(id, "a.docx", Now), default);
        var seen = new List<ReleaseState>();
        var interfered = false;

        var result = await Store.UpdateAsync(
            id,
            s =>
            {
                seen.Add(s.State);
                if (!interfered)
                {
                    // Someone else converts the release between our read and our write.
                    interfered = true;
                    Store.UpdateAsync(id, x => x.MoveTo(ReleaseState.Converted, Now, "Converted."), default).GetAwaiter().GetResult();
                }

                return s.State == ReleaseState.Received ? s.MoveTo(ReleaseState.Rejected, Now, "Rejected.") : s;
            },
            default);

        Assert.Equal([ReleaseState.Received, ReleaseState.Converted], seen);
        Assert.Equal(ReleaseState.Converted, result.State);
        Assert.Equal(ReleaseState.Converted, (await Store.RequireAsync(id, default)).State);
    }

    [Fact]
    public async Task Cancel_racing_the_dispatcher_has_exactly_one_winner()
    {
        var id = "aaaaaaaaaaaaaaaaaaa3";
        await Store.TryCreateAsync(ReleaseStatus.Received(id, "a.docx", Now), default);
        await Store.UpdateAsync(id, s => s.MoveTo(ReleaseState.Converted, Now, "c").MoveTo(ReleaseState.Scheduled, Now, "s"), default);

        var outcomes = await Task.WhenAll(
            Try(() => Store.UpdateAsync(id, s => s.MoveTo(ReleaseState.Sending, Now, "sending"), default)),
            Try(() => Store.UpdateAsync(id, s => s.MoveTo(ReleaseState.Cancelled, Now, "cancelled"), default)));

        Assert.Single(outcomes, ok => ok);
        var final = await Store.RequireAsync(id, default);
        Assert.Contains(final.State, new[] { ReleaseState.Sending, ReleaseState.Cancelled });
        Assert.DoesNotContain(final.History, h => h.State == (final.State == ReleaseState.Sending ? ReleaseState.Cancelled : ReleaseState.Sending));
    }

    [Fact]
    public async Task A_second_create_for_the_same_release_is_refused()
    {
        var id = "aaaaaaaaaaaaaaaaaaa4";

        Assert.True(await Store.TryCreateAsync(ReleaseStatus.Received(id, "a.docx", Now), default));
        Assert.False(await Store.TryCreateAsync(ReleaseStatus.Received(id, "b.docx", Now), default));
        Assert.Equal("a.docx", (await Store.RequireAsync(id, default)).SourceName);
    }

    [Fact]
    public async Task Recent_lists_releases_newest_first()
    {
        await harness.UploadAsync(TestDocx.Build("Older"));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(1100); // blob Last-Modified has one-second resolution
        await harness.UploadAsync(TestDocx.Build("Newer"));

        var recent = await Store.RecentAsync(10, default);

        Assert.Equal(["Newer", "Older"], recent.Select(s => s.Title));
    }

    private static async Task<bool> Try(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (ReleaseProblemException e) when (e.Kind == ProblemKind.Conflict)
        {
            return false;
        }
    }
}
