using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Dispatch;

/// <summary>What one timer run did. <paramref name="Failed"/>: entries that threw, were logged and marked, and are tried again next run.</summary>
public sealed record DispatchSummary(IReadOnlyList<WorkItem> Enqueued, int Skipped, int Stale, int Failed = 0);

/// <summary>
/// The timer's work: read the schedule index up to now and enqueue each due send or publish exactly once.
/// Exactly once comes from a blob lease on the index entry (one dispatcher at a time may hold it) and the
/// entry's removal after enqueuing; the send also moves Scheduled → Sending with an ETag check, which is where
/// cancel stops being possible. If a run dies between enqueue and removal the next run enqueues again, and the
/// worker's own checks make the repeat harmless.
/// </summary>
public sealed class DueWorkDispatcher(
    ScheduleIndex index,
    ReleaseStatusStore statuses,
    ReleaseBlobStore store,
    DispatchRequests requests,
    WorkQueue queue,
    ReleaseApprovals approvals,
    TimeProvider time,
    ILogger<DueWorkDispatcher> logger)
{
    /// <summary>An entry that disagrees with status.json this long after its time is a leftover, not a race.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var enqueued = new List<WorkItem>();
        int skipped = 0, stale = 0, failed = 0;
        await foreach (var entry in index.DueAsync(now, cancellationToken))
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = entry.ReleaseId });
            var leaseId = await index.TryLeaseAsync(entry, cancellationToken);
            if (leaseId is null)
            {
                skipped++;
                continue;
            }

            try
            {
                if (await HandleAsync(entry, leaseId) is { } item)
                {
                    enqueued.Add(item);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One bad entry (an unreadable status.json, a missing manifest, storage failing for one blob) must not
                // stall every later send: log it, mark it, give its lease back and carry on. The next run tries again.
                failed++;
                logger.LogError(e, "Schedule entry {Entry} could not be dispatched; skipped for this run", entry.BlobName);
                await index.MarkFailedAsync(entry, leaseId, e.Message, cancellationToken);
            }
        }

        return new DispatchSummary(enqueued, skipped, stale, failed);

        async Task<WorkItem?> HandleAsync(ScheduleEntry entry, string leaseId)
        {
            if (await approvals.HoldIfUnapprovedAsync(entry, cancellationToken))
            {
                // Two-person rule: held with a sentence in the status; the entry goes, nothing is sent or published.
                await index.RemoveAsync(entry, leaseId, cancellationToken);
                skipped++;
                return null;
            }

            var item = await TryClaimAsync(entry, cancellationToken);
            if (item is not null)
            {
                await queue.EnqueueAsync(item, cancellationToken);
                await index.RemoveAsync(entry, leaseId, cancellationToken);
                logger.LogInformation("Enqueued {Kind} of release {ReleaseId} due {DueAt:o}", entry.Kind, entry.ReleaseId, entry.DueAt);
                return item;
            }

            if (now - entry.DueAt > StaleAfter || await statuses.GetAsync(entry.ReleaseId, cancellationToken) is null or { State: ReleaseState.Cancelled })
            {
                await index.RemoveAsync(entry, leaseId, cancellationToken);
                stale++;
            }
            else
            {
                // Probably a schedule change in flight (entry written, status not yet): look again next run.
                await index.ReleaseLeaseAsync(entry, leaseId, cancellationToken);
                skipped++;
            }

            return null;
        }
    }

    /// <summary>The work item if the entry still matches status.json (and, for a send, the move to Sending).</summary>
    private async Task<WorkItem?> TryClaimAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        var status = await statuses.GetAsync(entry.ReleaseId, cancellationToken);
        if (status?.Plan is not { } plan)
        {
            return null;
        }

        switch (entry.Kind)
        {
            case WorkKind.Publish when plan.PublishAt == entry.DueAt && status.PublishedAt is null
                                       && status.State is not (ReleaseState.Cancelled or ReleaseState.Rejected):
                return new WorkItem(WorkKind.Publish, entry.ReleaseId, entry.DueAt);

            case WorkKind.Send when plan.SendAt == entry.DueAt && status.State is ReleaseState.Scheduled or ReleaseState.Sending:
                var claimed = await ClaimSendAsync(entry, cancellationToken);
                if (claimed?.Plan is not { } claimedPlan)
                {
                    return null;
                }

                var manifest = await store.RequireManifestAsync(entry.ReleaseId, cancellationToken);
                return new WorkItem(WorkKind.Send, entry.ReleaseId, entry.DueAt, requests.Build(entry.ReleaseId, claimedPlan, manifest));

            default:
                return null;
        }
    }

    private async Task<ReleaseStatus?> ClaimSendAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            return await statuses.UpdateAsync(
                entry.ReleaseId,
                s => s.State == ReleaseState.Sending && s.Plan?.SendAt == entry.DueAt
                    ? s // a previous run claimed it and died before removing the entry: enqueue again
                    : s.Plan?.SendAt == entry.DueAt && approvals.Allows(s)
                        ? s.MoveTo(ReleaseState.Sending, time.GetUtcNow(), $"Sending started to {string.Join(", ", s.Plan.Lists)}.")
                        : throw new ReleaseProblemException(ProblemKind.Conflict, "The schedule changed."),
                cancellationToken);
        }
        catch (ReleaseProblemException e) when (e.Kind == ProblemKind.Conflict)
        {
            // Cancelled or rescheduled while we looked: the entry is stale.
            return null;
        }
    }
}
