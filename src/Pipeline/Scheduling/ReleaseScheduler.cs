using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Scheduling;

/// <summary>
/// Schedules, reschedules and cancels. status.json is the truth; the index only says when to look. New index
/// entries are written before the status changes (so a crash never leaves a schedule nobody will dispatch) and
/// old ones removed after (a leftover is recognised as stale by the dispatcher).
/// </summary>
public sealed class ReleaseScheduler(
    ReleaseStatusStore statuses,
    ScheduleIndex index,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<ReleaseScheduler> logger)
{
    /// <summary>Checks the instructions and schedules the send and the publish; throws a problem sentence otherwise.</summary>
    public async Task<ReleaseStatus> ScheduleAsync(string id, ReleaseInstructions given, CancellationToken cancellationToken, Actor? by = null)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = id });
        var current = await statuses.RequireAsync(id, cancellationToken);
        if (current.State is ReleaseState.Received or ReleaseState.Rejected or ReleaseState.Failed || current.State.HasStartedSending())
        {
            // Same sentence the state machine gives, before any index entry is written.
            current.MoveTo(ReleaseState.Scheduled, time.GetUtcNow(), "");
        }

        var plan = Normalise(new PlanResolver(time, options.Value.DefaultTimeZone).Resolve(given, current.ReleaseLine ?? ReleaseLine.NotStated));
        foreach (var entry in EntriesOf(id, plan))
        {
            await index.AddAsync(entry, cancellationToken);
        }

        DeliveryPlan? previous = null;
        var updated = await statuses.UpdateAsync(
            id,
            status =>
            {
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
