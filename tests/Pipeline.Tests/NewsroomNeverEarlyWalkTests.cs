using Azure.Storage.Blobs.Models;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// Property: a simulated clock walks embargoed releases through upload, the timer, the queue worker, duplicate and
/// late redelivered messages, early publish calls, cancel and reschedule, in an order drawn from a seed; after every
/// step the newsroom container on Azurite is listed and holds nothing of a release before its publish instant, and
/// every variant — stored and public — tells journalists what the plan makes true: no EMBARGOED line once staff
/// publish now (or the send is at or after the publish time), staff's publish time when it is later than the
/// document's. A release already public or sent keeps its times.
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
                    await RescheduleAsync(harness, id, Reschedule(harness, random));
                    break;
                default:
                    await harness.DispatchAsync();
                    seen.AddRange(await WorkAsync(harness, twice: false));
                    break;
            }

            await AssertNothingPublicEarlyAsync(harness, id, log);
            await AssertVariantsFollowThePlanAsync(harness, id, log);
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
        await AssertVariantsFollowThePlanAsync(harness, id, log);
        var settled = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.True(settled.State == ReleaseState.Cancelled || settled.PublishedAt is not null, $"seed {seed}: {settled.State}, not published at {harness.Time.GetUtcNow():o}");

        var final = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        output.WriteLine($"seed {seed}: {final.State}, publish {final.Plan?.PublishAt:o}, published {final.PublishedAt:o}; {string.Join(" | ", final.History.Select(h => h.Message))}");
    }

    /// <summary>Reschedules; refused exactly when the release is already public or its sending has started.</summary>
    private static async Task RescheduleAsync(PipelineHarness harness, string id, ReleaseInstructions instructions)
    {
        var before = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        try
        {
            await harness.Get<ReleaseScheduler>().ScheduleAsync(id, instructions, default);
            Assert.False(before.PublishedAt is not null || before.State.HasStartedSending(), $"rescheduled although {before.State}, published {before.PublishedAt:o}");
        }
        catch (ReleaseProblemException problem)
        {
            Assert.True(before.PublishedAt is not null || before.State.HasStartedSending(), problem.Message);
            var after = (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).Plan!;
            Assert.Equal((before.Plan!.SendAt, before.Plan.PublishAt), (after.SendAt, after.PublishAt));
        }
    }

    /// <summary>
    /// A new send and publish time from now on: the publish time at or after the document's embargo, the
    /// document's own (none given), or "now".
    /// </summary>
    private static ReleaseInstructions Reschedule(PipelineHarness harness, Random random)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        var now = TimeZoneInfo.ConvertTime(harness.Time.GetUtcNow(), zone).DateTime;
        var embargo = new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Unspecified);
        var send = now.AddMinutes(random.Next(5, 3 * 24 * 60));
        var publish = (now > embargo ? now : embargo).AddMinutes(random.Next(0, 3 * 24 * 60));
        static string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var publishAt = random.Next(3) switch
        {
            0 => "now",
            1 when now < embargo => null,
            _ => Local(publish),
        };
        return new ReleaseInstructions(["media"], [], Local(send), publishAt, "Asia/Almaty");
    }

    /// <summary>The web page stored for the release, and its public copy if any, carry the plan's embargo line.</summary>
    private static async Task AssertVariantsFollowThePlanAsync(PipelineHarness harness, string id, List<string> log)
    {
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        var plan = status.Plan!;
        var expected = plan.SendAt >= plan.PublishAt ? null : PipelineConverterDouble.EmbargoedUntil(plan.PublishAt);
        var why = $"after steps {string.Join(", ", log)}: send {plan.SendAt:o}, publish {plan.PublishAt:o}";

        var pages = new List<string> { (await harness.Get<ReleaseBlobStore>().ReadAsync(id, ReleaseIntake.WebFileName, default))!.ToString() };
        var newsroom = harness.Container(harness.Options.NewsroomContainer).GetBlobClient($"{id}/{ReleaseIntake.WebFileName}");
        if (await newsroom.ExistsAsync())
        {
            pages.Add((await newsroom.DownloadContentAsync()).Value.Content.ToString());
        }

        foreach (var page in pages)
        {
            var line = page.Split('\n').Skip(1).FirstOrDefault();
            Assert.True(line == expected, $"{why}: the page says '{line}', the plan '{expected}'");
        }
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
