using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Scheduling;

/// <summary>
/// Schedules, reschedules and cancels. status.json is the truth; the index only says when to look. New index
/// entries are written before the status changes (so a crash never leaves a schedule nobody will dispatch) and
/// old ones removed after (a leftover is recognised as stale by the dispatcher).
/// Scheduling renders the pages again when the plan changes what they say, so it holds the release's write lock
/// (<see cref="ReleaseWriteLock"/>) like every other change of its files.
/// </summary>
public sealed class ReleaseScheduler(
    ReleaseWriteLocks locks,
    ReleaseStatusStore statuses,
    ScheduleIndex index,
    Uploads.ReleaseRendering rendering,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<ReleaseScheduler> logger)
{
    /// <summary>Checks the instructions and schedules the send and the publish; throws a problem sentence otherwise.</summary>
    public async Task<ReleaseStatus> ScheduleAsync(string id, ReleaseInstructions given, CancellationToken cancellationToken, Actor? by = null)
    {
        await using var held = await locks.AcquireAsync(id, cancellationToken);
        return await ScheduleUnderLockAsync(held, given, cancellationToken, by);
    }

    /// <summary>
    /// Schedules for a caller that already holds the release's write lock (the blob door's settle, which schedules
    /// once every file is in): a blob lease is not re-entrant, so taking it again here would wait for the caller itself.
    /// </summary>
    public async Task<ReleaseStatus> ScheduleUnderLockAsync(ReleaseWriteLock held, ReleaseInstructions given, CancellationToken cancellationToken, Actor? by = null)
    {
        ArgumentNullException.ThrowIfNull(held);
        var id = held.ReleaseId;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = id });
        var current = await statuses.RequireAsync(id, cancellationToken);
        RefuseWhenOut(current);
        if (current.State is ReleaseState.Received or ReleaseState.Rejected or ReleaseState.Failed)
        {
            // Same sentence the state machine gives, before any index entry is written.
            current.MoveTo(ReleaseState.Scheduled, time.GetUtcNow(), "");
        }

        var plan = Normalise(new PlanResolver(time, options.Value.DefaultTimeZone).Resolve(given, current.ReleaseLine ?? ReleaseLine.NotStated));

        // The variants say what the new plan makes true (no stale EMBARGOED line after "publish now", staff's later
        // time instead of the document's) before the plan is written, so no publish or send can take old ones.
        await rendering.ShowPlanAsync(current, plan, cancellationToken);
        foreach (var entry in EntriesOf(id, plan))
        {
            await index.AddAsync(entry, cancellationToken);
        }

        DeliveryPlan? previous = null;
        var updated = await statuses.UpdateAsync(
            id,
            status =>
            {
                RefuseWhenOut(status);
                previous = status.Plan;
                var verb = status.State == ReleaseState.Scheduled ? "Rescheduled" : "Scheduled";
                return status.MoveTo(ReleaseState.Scheduled, time.GetUtcNow(), $"{verb}: {Describe(plan)}.", by) with
                {
                    Plan = plan,
                    InstructionProblems = [],
                    Held = null,
                };
            },
            cancellationToken);

        if (previous is not null)
        {
            var keep = EntriesOf(id, plan).ToHashSet();
            foreach (var stale in EntriesOf(id, previous).Where(e => !keep.Contains(e)))
            {
                await index.RemoveAsync(stale, leaseId: null, cancellationToken);
            }
        }

        logger.LogInformation("Release {ReleaseId} scheduled: send {SendAt:o}, publish {PublishAt:o} ({Zone})", id, plan.SendAt, plan.PublishAt, plan.TimeZoneId);
        return updated;
    }

    /// <summary>Cancels the send (and a publish that has not happened); refused once sending has started.</summary>
    public async Task<ReleaseStatus> CancelAsync(string id, CancellationToken cancellationToken, Actor? by = null)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = id });
        var updated = await statuses.UpdateAsync(
            id,
            status => status.State == ReleaseState.Cancelled
                ? status
                : status.MoveTo(
                    ReleaseState.Cancelled,
                    time.GetUtcNow(),
                    status.PublishedAt is null
                        ? "Cancelled; nothing will be sent or published."
                        : "Cancelled; nothing will be sent. The web page and PDF were already public and stay so.",
                    by),
            cancellationToken);

        if (updated.Plan is { } plan)
        {
            foreach (var entry in EntriesOf(id, plan))
            {
                await index.RemoveAsync(entry, leaseId: null, cancellationToken);
            }
        }

        logger.LogInformation("Release {ReleaseId} cancelled", id);
        return updated;
    }

    /// <summary>
    /// A release whose e-mail has gone out, or whose web page is already public, keeps its times: journalists hold
    /// them. One sentence says what staff can do instead.
    /// </summary>
    private static void RefuseWhenOut(ReleaseStatus status)
    {
        if (status.State.HasStartedSending())
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, status.State switch
            {
                ReleaseState.PartlySent => $"Release {status.Id} has been partly sent, so its times can no longer change; resume it to reach the journalists not yet sent to (presspipe resume {status.Id}).",
                ReleaseState.Sending => $"Release {status.Id} is being sent, so its times can no longer change; to change what journalists receive, send a correction once it is sent (presspipe correct {status.Id}).",
                _ => $"Release {status.Id} has already been sent, so its times can no longer change; to change what journalists received, send a correction (presspipe correct {status.Id}).",
            });
        }

        if (status.PublishedAt is { } published)
        {
            var zone = status.Plan?.TimeZoneId ?? "UTC";
            throw new ReleaseProblemException(
                ProblemKind.Conflict,
                $"Release {status.Id} has been public on the newsroom since {Time.LocalTimes.ToLocalText(published, zone)} ({zone}), so its times can no longer change; cancel it to stop an e-mail that has not gone out yet, or send a correction.");
        }
    }

    public static IEnumerable<ScheduleEntry> EntriesOf(string id, DeliveryPlan plan) =>
    [
        new ScheduleEntry(plan.SendAt, WorkKind.Send, id),
        new ScheduleEntry(plan.PublishAt, WorkKind.Publish, id),
    ];

    private static DeliveryPlan Normalise(DeliveryPlan plan) => plan with
    {
        SendAt = ScheduleEntry.Truncate(plan.SendAt),
        PublishAt = ScheduleEntry.Truncate(plan.PublishAt),
    };

    private static string Describe(DeliveryPlan plan) =>
        $"send {Time.LocalTimes.ToLocalText(plan.SendAt, plan.TimeZoneId)} and publish {Time.LocalTimes.ToLocalText(plan.PublishAt, plan.TimeZoneId)} {plan.TimeZoneId} to {string.Join(", ", plan.Lists)}";
}
