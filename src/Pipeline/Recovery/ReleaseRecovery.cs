using Microsoft.Extensions.Logging;
using PressPipeline.Distribution;
using PressPipeline.Distribution.Sending;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Recovery;

/// <summary>
/// The way out of PartlySent. <see cref="ResumeAsync"/> moves the release back to Sending and queues its send
/// again; the distributor then sends only to recipients the ledger does not already show as accepted or held,
/// so resuming never mails anyone twice. <see cref="ReleaseHeldBatchAsync"/> is the staff decision on a batch whose
/// outcome was unknown. The API and <c>presspipe resume</c> / <c>release-batch</c> call them.
/// </summary>
/// <param name="held">Held batches of the distribution; null in a host without e-mail distribution.</param>
public sealed class ReleaseRecovery(
    ReleaseStatusStore statuses,
    ReleaseBlobStore store,
    DispatchRequests requests,
    WorkQueue queue,
    TimeProvider time,
    ILogger<ReleaseRecovery> logger,
    HeldBatches? held = null,
    ReleaseCorrection? correction = null)
{
    /// <summary>
    /// PartlySent → Sending, and the send queued again. A release already Sending is queued again too (a resume
    /// whose queue write failed, or a host recycled mid-send): a second run of the same send is harmless.
    /// </summary>
    public Task<ReleaseStatus> ResumeAsync(string releaseId, Actor by, CancellationToken cancellationToken)
    {
        var who = Describe(by);
        return ResumeCoreAsync(releaseId, by, who, $"Resumed by {who}: sending to the recipients not yet accepted or held.", cancellationToken);
    }

    private async Task<ReleaseStatus> ResumeCoreAsync(string releaseId, Actor by, string who, string why, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = releaseId });
        var now = time.GetUtcNow();
        var status = await statuses.UpdateAsync(
            releaseId,
            s => s.State switch
            {
                ReleaseState.PartlySent => s.MoveTo(ReleaseState.Sending, now, why, by),
                ReleaseState.Sending => s.Note(now, $"Resumed by {who} while sending: the send was queued again (nobody is mailed twice).", by),
                _ => throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {releaseId} is {s.State}; only a partly sent release can be resumed."),
            },
            cancellationToken);

        var plan = status.Plan ?? throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {releaseId} has no lists and send time, so there is nothing to resume.");
        var manifest = await store.RequireManifestAsync(releaseId, cancellationToken);
        await queue.EnqueueAsync(new WorkItem(WorkKind.Send, releaseId, now, requests.Build(releaseId, plan, manifest)), cancellationToken);
        logger.LogInformation("Release {ReleaseId} resumed by {Actor}", releaseId, who);
        return status;
    }

    /// <summary>The release's held batches with what SendGrid reported for each (empty without distribution).</summary>
    public async Task<IReadOnlyList<HeldBatch>> HeldBatchesAsync(string releaseId, CancellationToken cancellationToken)
    {
        var status = await statuses.RequireAsync(releaseId, cancellationToken);
        if (held is null)
        {
            return [];
        }

        var original = await held.ListAsync(releaseId, cancellationToken);
        return CorrectionLedgerOf(status) is { } ledgerId ? [.. original, .. await held.ListAsync(ledgerId, cancellationToken)] : original;
    }

    /// <summary>The ledger of a correction after sending whose send is unfinished, if the release has one.</summary>
    private static string? CorrectionLedgerOf(ReleaseStatus status) =>
        status.Correction is { Complete: false } c && c.Version == status.Version ? new CorrectionNotice(c.Version, c.Note).LedgerIdOf(status.Id) : null;

    /// <summary>
    /// Staff confirmed a held batch: marked accepted when SendGrid's webhook shows it took the batch, otherwise
    /// allowed to be sent; either way the release is resumed, so the batch is sent (or the release found complete).
    /// </summary>
    public async Task<ReleaseStatus> ReleaseHeldBatchAsync(string releaseId, string batchId, Actor by, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = releaseId, ["BatchId"] = batchId });
        var who = Describe(by);
        var status = await statuses.RequireAsync(releaseId, cancellationToken);
        if (held is not null && correction is not null && CorrectionLedgerOf(status) is { } correctionLedger
            && (await held.ListAsync(correctionLedger, cancellationToken)).Any(b => b.BatchId == batchId))
        {
            // A batch of a correction sent after the release: released in the correction's own ledger, then the
            // correction's send is finished (only its recipients not yet accepted or held).
            var released = await held.ReleaseAsync(correctionLedger, batchId, who, cancellationToken);
            var said = Sentence(released, releaseId, batchId, who);
            await statuses.UpdateAsync(releaseId, s => s.Note(time.GetUtcNow(), $"Correction: {said}", by), cancellationToken);
            logger.LogInformation("Held correction batch {BatchId} of release {ReleaseId}: {Decision} by {Actor}", batchId, releaseId, released.Decision, who);
            return await correction.FinishAsync(releaseId, by, cancellationToken);
        }

        if (status.State is not (ReleaseState.PartlySent or ReleaseState.Sending))
        {
            // Sending too: staff may release several held batches before the resumed run is done.
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {releaseId} is {status.State}; only a partly sent release has held batches to release.");
        }

        var decision = held is null
            ? new HeldBatchRelease(HeldBatchDecision.NotHeld, null)
            : await held.ReleaseAsync(releaseId, batchId, who, cancellationToken);
        var sentence = Sentence(decision, releaseId, batchId, who);

        logger.LogInformation("Held batch {BatchId} of release {ReleaseId}: {Decision} by {Actor}", batchId, releaseId, decision.Decision, who);
        return await ResumeCoreAsync(releaseId, by, who, sentence, cancellationToken);
    }

    /// <summary>What staff decided about a held batch, as the history says it; a batch that may still be in flight is refused.</summary>
    private string Sentence(HeldBatchRelease decision, string releaseId, string batchId, string who) => decision switch
    {
        { Decision: HeldBatchDecision.MarkedAccepted, Batch: { } b } =>
            $"Batch {batchId} ({b.Recipients} recipients) released by {who}: SendGrid reported {HeldBatches.Describe(b.Reported)}, so it took the batch; marked accepted and not sent again.",
        { Decision: HeldBatchDecision.AllowedToSend, Batch: { } b } =>
            $"Batch {batchId} ({b.Recipients} recipients) released by {who}: SendGrid reported nothing for it; it is sent now.",
        { Decision: HeldBatchDecision.MayStillBeInFlight, Batch: { } b } => throw new ReleaseProblemException(
            ProblemKind.Conflict,
            $"Batch {batchId} was being sent at {b.Since:HH:mm:ss} UTC and its request may still be in flight; try again after {b.Since + held!.InFlightWindow:HH:mm} UTC."),
        _ => throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {releaseId} has no held batch '{batchId}'; `presspipe status {releaseId}` lists the held ones."),
    };

    /// <summary>Who did it and through which door, as the history's sentence names them ("aigerim (cli)").</summary>
    private static string Describe(Actor by) => $"{by.Name} ({by.Door.ToString().ToLowerInvariant()})";
}
