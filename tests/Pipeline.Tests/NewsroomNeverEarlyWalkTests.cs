using Azure.Storage.Blobs.Models;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// Property: a simulated clock walks embargoed releases through upload, the timer, the queue worker, duplicate and
/// late redelivered messages, early publish calls, cancel and reschedule, in an order drawn from a seed; after every
/// step the newsroom container on Azurite is listed and holds nothing of a release before its publish instant.
/// </summary>
public sealed class NewsroomNeverEarlyWalkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task The_newsroom_holds_nothing_of_a_release_before_its_publish_instant(int seed)
    {
        var random = new Random(seed);
        await using var harness = PipelineHarness.Start(Start);
        var id = (await harness.UploadAsync(
            TestDocx.Build($"Walk {seed}", "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty"),
            Flow.Send("2026-12-01T09:00"))).ReleaseId;
        var seen = new List<WorkItem>();
        var log = new List<string>();

        for (var step = 0; step < 40; step++)
        {
            var action = random.Next(20);
            log.Add($"{harness.Time.GetUtcNow():MM-dd'T'HH:mm}:{action}");
            switch (action)
            {
                case < 5:
                    harness.Time.Advance(TimeSpan.FromMinutes(random.Next(1, 18 * 60)));
                    break;
                case < 9:
                    await harness.DispatchAsync();
                    break;
                case < 13:
                    // The worker, each message delivered twice (the queue trigger is at-least-once).
                    seen.AddRange(await WorkAsync(harness, twice: true));
                    break;
                case < 15:
                    seen.AddRange(await WorkAsync(harness, twice: false));
                    break;
                case 15 when seen.Count > 0:
                    // A late retry of a message handled earlier.
                    await harness.Get<ReleaseWorker>().HandleAsync(seen[random.Next(seen.Count)], default);
                    break;
                case 16:
                    // Someone asks to publish whatever the clock says.
                    await harness.Get<ReleasePublisher>().PublishAsync(id, default);
                    break;
                case 17:
                    await Try(() => harness.Get<ReleaseScheduler>().CancelAsync(id, default));
                    break;
                case 18:
                    await Try(() => harness.Get<ReleaseScheduler>().ScheduleAsync(id, Reschedule(harness, random), default));
                    break;
                default:
                    await harness.DispatchAsync();
                    seen.AddRange(await WorkAsync(harness, twice: false));
                    break;
            }

            await AssertNothingPublicEarlyAsync(harness, id, log);
        }

        // Then the clock runs past the publish time: a release that was not cancelled is public (the walk proves
        // something only if publishing happens at all).
        var plan = (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).Plan!;
        if (harness.Time.GetUtcNow() < plan.PublishAt)
        {
            harness.Time.SetUtcNow(plan.PublishAt);
        }

        await harness.DispatchAsync();
        await WorkAsync(harness, twice: true);
        await AssertNothingPublicEarlyAsync(harness, id, log);
        var settled = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.True(settled.State == ReleaseState.Cancelled || settled.PublishedAt is not null, $"seed {seed}: {settled.State}, not published at {harness.Time.GetUtcNow():o}");

        var final = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        output.WriteLine($"seed {seed}: {final.State}, publish {final.Plan?.PublishAt:o}, published {final.PublishedAt:o}; {string.Join(" | ", final.History.Select(h => h.Message))}");
    }

    /// <summary>A new send and publish time from now on; the publish time is at or after the document's embargo.</summary>
    private static ReleaseInstructions Reschedule(PipelineHarness harness, Random random)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        var now = TimeZoneInfo.ConvertTime(harness.Time.GetUtcNow(), zone).DateTime;
        var embargo = new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Unspecified);
        var send = now.AddMinutes(random.Next(5, 3 * 24 * 60));
        var publish = (now > embargo ? now : embargo).AddMinutes(random.Next(0, 3 * 24 * 60));
        static string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new ReleaseInstructions(["media"], [], Local(send), Local(publish), "Asia/Almaty");
    }

    private static async Task AssertNothingPublicEarlyAsync(PipelineHarness harness, string id, List<string> log)
    {
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        var files = new List<string>();
        var newsroom = harness.Container(harness.Options.NewsroomContainer);
        if (await newsroom.ExistsAsync())
        {
            await foreach (var blob in newsroom.GetBlobsAsync(BlobTraits.None, BlobStates.None, id + "/", default))
            {
                files.Add(blob.Name);
            }
        }

        var why = $"after steps {string.Join(", ", log)}: state {status.State}, publish {status.Plan?.PublishAt:o}, published {status.PublishedAt:o}, {files.Count} public files";
        if (files.Count == 0)
        {
            return;
        }

        Assert.True(status.PublishedAt is { } published && status.Plan is { } plan && published >= plan.PublishAt, why);
        Assert.True(harness.Time.GetUtcNow() >= status.Plan!.PublishAt, why);
    }

    private static async Task<List<WorkItem>> WorkAsync(PipelineHarness harness, bool twice)
    {
        var queue = harness.Get<WorkQueue>();
        var worker = harness.Get<ReleaseWorker>();
        var handled = new List<WorkItem>();
        foreach (var message in await queue.ReceiveAsync(16, TimeSpan.FromSeconds(30), default))
        {
            await worker.HandleAsync(message.Item!, default);
            if (twice)
            {
                await worker.HandleAsync(message.Item!, default);
            }

            await queue.CompleteAsync(message, default);
            handled.Add(message.Item!);
        }

        return handled;
    }

    private static async Task Try(Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (ReleaseProblemException)
        {
            // Refused (e.g. cancel after sending started): a real outcome, the walk goes on.
        }
    }
}
