using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Recovery;

/// <summary>
/// The way out of PartlySent. <see cref="ResumeAsync"/> moves the release back to Sending and queues its send
/// again; the distributor then sends only to recipients the ledger does not already show as accepted or held,
/// so resuming never mails anyone twice. Both the API and <c>presspipe resume</c> call it.
/// </summary>
public sealed class ReleaseRecovery(
    ReleaseStatusStore statuses,
    ReleaseBlobStore store,
    DispatchRequests requests,
    WorkQueue queue,
    TimeProvider time,
    ILogger<ReleaseRecovery> logger)
{
    /// <summary>
    /// PartlySent → Sending, and the send queued again. A release already Sending is queued again too (a resume
    /// whose queue write failed, or a host recycled mid-send): a second run of the same send is harmless.
    /// </summary>
    public async Task<ReleaseStatus> ResumeAsync(string releaseId, string actor, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = releaseId });
        var now = time.GetUtcNow();
        var who = Actor(actor);
        var status = await statuses.UpdateAsync(
            releaseId,
            s => s.State switch
            {
                ReleaseState.PartlySent => s.MoveTo(ReleaseState.Sending, now, $"Resumed by {who}: sending to the recipients not yet accepted or held."),
                ReleaseState.Sending => s.Note(now, $"Resumed by {who} while sending: the send was queued again (nobody is mailed twice)."),
                _ => throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {releaseId} is {s.State}; only a partly sent release can be resumed."),
            },
            cancellationToken);

        var plan = status.Plan ?? throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {releaseId} has no lists and send time, so there is nothing to resume.");
        var manifest = await store.RequireManifestAsync(releaseId, cancellationToken);
        await queue.EnqueueAsync(new WorkItem(WorkKind.Send, releaseId, now, requests.Build(releaseId, plan, manifest)), cancellationToken);
        logger.LogInformation("Release {ReleaseId} resumed by {Actor}", releaseId, who);
        return status;
    }

    /// <summary>Who did it, as the history shows it; never empty.</summary>
    internal static string Actor(string? actor) => string.IsNullOrWhiteSpace(actor) ? "an unnamed caller" : actor.Trim();
}
