using Microsoft.Extensions.Logging;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Dispatch;

/// <summary>What handling one work item did, for logs and the CLI.</summary>
public sealed record WorkResult(WorkItem Item, string Summary);

/// <summary>
/// Does one due piece of work from the queue: publish, or send through <see cref="IReleaseDistributor"/>.
/// Safe to run twice for the same item: publishing is a copy, the distributor never re-sends an accepted batch,
/// and a send whose release is already Sent, PartlySent or Cancelled is skipped. An exception leaves the
/// message to the queue's retries and then its poison queue (host.json), never an endless loop.
/// </summary>
public sealed class ReleaseWorker(
    ReleaseStatusStore statuses,
    ReleasePublisher publisher,
    IReleaseDistributor distributor,
    WorkQueue queue,
    TimeProvider time,
    ILogger<ReleaseWorker> logger)
{
    public async Task<WorkResult> HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = item.ReleaseId, ["WorkKind"] = item.Kind.ToString() });
        var early = item.DueAt - time.GetUtcNow();
        if (early > TimeSpan.Zero)
        {
            // Only clock skew between machines gets here: come back when it is due.
            await queue.EnqueueAsync(item, cancellationToken, early);
            return new WorkResult(item, $"not due for {early.TotalSeconds:0} s; put back until then");
        }

        return item.Kind switch
        {
            WorkKind.Publish => new WorkResult(item, await PublishAsync(item, cancellationToken)),
            WorkKind.Send => new WorkResult(item, await SendAsync(item, cancellationToken)),
            _ => new WorkResult(item, "unknown work kind; ignored"),
        };
    }

    private async Task<string> PublishAsync(WorkItem item, CancellationToken cancellationToken) =>
        await publisher.PublishAsync(item.ReleaseId, cancellationToken) switch
        {
            PublishOutcome.Published => "published to the newsroom",
            PublishOutcome.AlreadyPublished => "already published",
            PublishOutcome.NotYetDue => "not yet due; left private",
            _ => "not publishable (cancelled or never scheduled); left private",
        };

    private async Task<string> SendAsync(WorkItem item, CancellationToken cancellationToken)
    {
        var status = await statuses.RequireAsync(item.ReleaseId, cancellationToken);
        if (status.State != ReleaseState.Sending || item.Dispatch is null)
        {
            logger.LogInformation("Send of release {ReleaseId} skipped: it is {State}", item.ReleaseId, status.State);
            return $"skipped: release is {status.State}";
        }

        var request = item.Dispatch;
        if (request.PublishAt <= request.SendAt)
        {
            // The e-mail links to the public page; make sure it is there before anyone clicks.
            await publisher.PublishAsync(item.ReleaseId, cancellationToken);
        }

        var report = await distributor.DistributeAsync(request, cancellationToken);
        var summary = new DistributionSummary(report.Recipients, report.Suppressed, report.BatchesAccepted, report.BatchesFailed, report.ByLanguage);
        IReadOnlyList<string> problems = report.Blocked is { } blocked ? [blocked, .. report.Problems] : report.Problems;
        await statuses.UpdateAsync(
            item.ReleaseId,
            s => s.State != ReleaseState.Sending
                ? s
                : report.Complete
                    ? s.MoveTo(ReleaseState.Sent, time.GetUtcNow(), $"Sent to {report.Recipients} recipients ({report.Suppressed} suppressed).") with { Distribution = summary, Reasons = report.Problems }
                    : s.MoveTo(ReleaseState.PartlySent, time.GetUtcNow(), PartlySent(report)) with { Distribution = summary, Reasons = problems },
            cancellationToken);
        logger.LogInformation(
            "Release {ReleaseId} distributed: {Recipients} recipients, {Accepted} batches accepted, {Failed} failed",
            item.ReleaseId,
            report.Recipients,
            report.BatchesAccepted,
            report.BatchesFailed);
        return report.Complete
            ? $"sent to {report.Recipients} recipients in {report.BatchesAccepted} batches"
            : $"{PartlySent(report)} {string.Join(" ", problems)}";
    }

    private static string PartlySent(DistributionReport report) => report switch
    {
        { Blocked: { } blocked } => $"Nothing was sent: {blocked} Fix it, then resume the release.",
        { BatchesUnknown: > 0, BatchesFailed: 0 } => $"{report.BatchesUnknown} batches have an unknown outcome and are held: check SendGrid's activity, then release each one.",
        { BatchesUnknown: > 0 } => $"{report.BatchesFailed} batches were not sent (resume the release to send them) and {report.BatchesUnknown} have an unknown outcome and are held (release each one after checking SendGrid's activity).",
        _ => $"{report.BatchesFailed} of {report.BatchesAccepted + report.BatchesFailed} batches were not sent; resume the release to send them.",
    };
}
