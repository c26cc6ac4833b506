using Microsoft.Extensions.Logging;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Operations;

/// <summary>
/// A corrected version of a release: the new document is converted into the same release (same id, same links,
/// same schedule), replacing the variants; the previous original is kept under <c>versions/</c>, the version number
/// goes up, and an approval of the old version no longer counts.
/// <para>
/// After sending (Sent or PartlySent) the correction also goes out: the newsroom copies are replaced when the
/// release is public, and the corrected version is e-mailed as "CORRECTED: &lt;subject&gt;" with staff's note at the
/// top to the recipients the original send's ledger shows accepted (not those suppressed or unsubscribed since),
/// under a ledger of its own (<see cref="CorrectionNotice.LedgerIdOf"/>), so the original ledger is untouched and
/// nobody gets the same correction twice. If that send stops midway, sending the same file again finishes it.
/// </para>
/// <para>
/// The files and manifest.json are replaced under the release's write lock (<see cref="ReleaseWriteLock"/>), as
/// every change of them is; the correction's e-mail goes out after the lock is given back.
/// </para>
/// </summary>
public sealed class ReleaseCorrection(
    ReleaseWriteLocks locks,
    ReleaseIntake intake,
    ReleaseVersions versions,
    ReleaseBlobStore store,
    ReleaseStatusStore statuses,
    ReleasePublisher publisher,
    DispatchRequests requests,
    TimeProvider time,
    ILogger<ReleaseCorrection> logger,
    IReleaseDistributor? distributor = null)
{
    /// <summary>Staff's note is shown at the top of the e-mail and in the history; kept to what fits there.</summary>
    public const int MaxNoteLength = 500;

    public async Task<ReleaseStatus> CorrectAsync(
        string id, Stream document, string sourceName, Actor by, CancellationToken cancellationToken, string? note = null, IProgress<OperationProgress>? progress = null)
    {
        CorrectionStep step;
        await using (var held = await locks.AcquireAsync(id, cancellationToken))
        {
            step = await ReplaceUnderLockAsync(held, document, sourceName, by, note, progress, cancellationToken);
        }

        return step.SendNote is { } sendNote ? await SendAsync(step.Status, sendNote, by, progress, cancellationToken) : step.Status;
    }

    /// <summary>What the locked part of a correction did, and the note to send it with when it goes to recipients.</summary>
    private sealed record CorrectionStep(ReleaseStatus Status, string? SendNote);

    private async Task<CorrectionStep> ReplaceUnderLockAsync(
        ReleaseWriteLock held, Stream document, string sourceName, Actor by, string? note, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        var id = held.ReleaseId;
        var current = await statuses.RequireAsync(id, cancellationToken);
        Refuse(current);
        var afterSending = current.State is ReleaseState.Sent or ReleaseState.PartlySent;
        note = note?.Trim();
        if (afterSending)
        {
            RequireNote(current, note);
        }

        progress?.Report(new OperationProgress("reading the corrected document", 0));
        var content = await intake.ReadCorrectionAsync(document, cancellationToken);
        var original = await store.ReadAsync(id, ReleaseBlobStore.OriginalName, cancellationToken);
        var sameFile = original is not null && original.ToMemory().Span.SequenceEqual(content.ToMemory().Span);
        ReleaseStatus corrected;
        if (afterSending && sameFile && current.Correction is { Complete: true } done && done.Version == current.Version)
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {id}'s correction (version {done.Version}) has already been sent to its recipients; nothing was sent again.");
        }

        if (afterSending && sameFile && current.Correction is { Complete: false } unfinished && unfinished.Version == current.Version)
        {
            // The same file again after a correction send that stopped midway: finish that send, no new version.
            logger.LogInformation("Release {ReleaseId}: finishing the send of correction version {Version}", id, current.Version);
            corrected = current;
            note = unfinished.Note;
        }
        else
        {
            progress?.Report(new OperationProgress("converting the corrected document", 0));
            corrected = await ReplaceAsync(current, content, original, sourceName, afterSending ? note : null, by, cancellationToken);
        }

        if (!afterSending)
        {
            return new CorrectionStep(corrected, SendNote: null);
        }

        if (await publisher.RepublishAsync(id, cancellationToken))
        {
            corrected = await statuses.UpdateAsync(id, s => s.Note(time.GetUtcNow(), $"The newsroom now shows version {s.Version}.", by), cancellationToken);
        }

        return new CorrectionStep(corrected, note!);
    }

    private async Task<ReleaseStatus> ReplaceAsync(ReleaseStatus current, BinaryData content, BinaryData? previous, string sourceName, string? note, Actor by, CancellationToken cancellationToken)
    {
        var id = current.Id;
        var before = await store.RequireManifestAsync(id, cancellationToken);
        if (previous is not null)
        {
            await store.SaveFileAsync(id, $"versions/v{current.Version}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", previous.ToMemory(), cancellationToken);
        }

        // The files staff added go with the release, not with one version of its document: the corrected variants list them.
        var manifest = await versions.RebuildAsync(id, before, await intake.ConvertCorrectionAsync(id, content, sourceName, current.Plan, current.Language, before.Assets, cancellationToken), current.Plan, cancellationToken);
        await store.SaveOriginalAsync(id, content, sourceName, cancellationToken);
        foreach (var gone in before.StoredFiles().Select(f => f.FileName).Except(manifest.StoredFiles().Select(f => f.FileName), StringComparer.Ordinal))
        {
            await (await store.FileAsync(id, gone, cancellationToken)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }

        var updated = await statuses.UpdateAsync(
            id,
            status =>
            {
                var version = status.Version + 1;
                var sentence = note is not null
                    ? $"Corrected after sending: version {version} from {sourceName} replaces the variants and goes to the recipients of the release as CORRECTED. Note: {note}"
                    : status.State.HasStartedSending()
                        ? $"Corrected to version {version} from {sourceName} while sending had already started; some journalists may have received version {status.Version}."
                        : $"Corrected: version {version} from {sourceName} replaces the variants"
                          + (status.Approval is null ? "." : "; the approval of the previous version no longer counts.");
                return status.Note(time.GetUtcNow(), sentence, by) with
                {
                    Version = version,
                    Title = manifest.Title(),
                    Language = manifest.Language(),
                    Warnings = manifest.StatusWarnings(),
                    Files = manifest.StoredFiles(),
                    Languages = manifest.Versions.Count < 2 ? [] : [.. manifest.Versions.Select(v => v.Language)],
                    ReleaseLine = manifest.ReleaseLine(),
                    Approval = null,
                    Correction = note is null ? status.Correction : new CorrectionSent(version, note, Complete: false),
                };
            },
            cancellationToken);
        logger.LogInformation("Release {ReleaseId} corrected to version {Version} by {Actor}", id, updated.Version, by);
        return updated;
    }

    /// <summary>E-mails the correction through its own ledger and records how far it got.</summary>
    /// <summary>
    /// Sends the rest of a correction whose send stopped midway (after staff released a batch held as unknown):
    /// the correction's own ledger keeps anyone from getting it twice.
    /// </summary>
    public async Task<ReleaseStatus> FinishAsync(string id, Actor by, CancellationToken cancellationToken)
    {
        var current = await statuses.RequireAsync(id, cancellationToken);
        if (current.Correction is not { Complete: false } unfinished || unfinished.Version != current.Version)
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {id} has no correction whose send is unfinished, so there is nothing to send.");
        }

        return await SendAsync(current, unfinished.Note, by, null, cancellationToken);
    }

    private async Task<ReleaseStatus> SendAsync(ReleaseStatus status, string note, Actor by, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        if (distributor is null || status.Plan is not { } plan)
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {status.Id} was corrected to version {status.Version}, but this host cannot send e-mail, so the correction was not sent; send the same file again from the app.");
        }

        var manifest = await store.RequireManifestAsync(status.Id, cancellationToken);
        var now = time.GetUtcNow();
        var request = requests.Build(status.Id, plan, manifest) with { SendAt = now, Correction = new CorrectionNotice(status.Version, note) };
        progress?.Report(new OperationProgress("sending the correction (batches)", 0));
        var report = await distributor.DistributeAsync(
            request,
            progress is null ? null : new SyncProgress<SendProgress>(p => progress.Report(new OperationProgress("sending the correction (batches)", p.BatchesDone, p.BatchesPlanned))),
            cancellationToken);

        var sentence = report switch
        {
            { Blocked: { } blocked } => $"The correction (version {status.Version}) was not sent: {blocked} Fix it, then send the same file again.",
            { Complete: true } => $"Correction (version {status.Version}) sent as CORRECTED to {report.Recipients} recipient(s) who received the release ({report.Suppressed} suppressed since).",
            _ => $"The correction (version {status.Version}) reached {report.BatchesAccepted} of {report.BatchesAccepted + report.BatchesFailed + report.BatchesUnknown} batches; send the same file again to send the rest (nobody gets it twice). {string.Join(" ", report.Problems)}".TrimEnd(),
        };
        logger.LogInformation("Release {ReleaseId}: correction version {Version} sent to {Recipients} recipients, complete {Complete}", status.Id, status.Version, report.Recipients, report.Complete);
        return await statuses.UpdateAsync(
            status.Id,
            s => s.Note(time.GetUtcNow(), sentence, by) with
            {
                Correction = s.Correction is { } c && c.Version == status.Version ? c with { Complete = report.Complete } : s.Correction,
            },
            cancellationToken);
    }

    private static void RequireNote(ReleaseStatus status, string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ReleaseProblemException(
                ProblemKind.Invalid,
                $"Release {status.Id} has already been sent, so the correction goes to its recipients: say what changed in a note (for example \"The date of the round table was wrong: it is 22 May\"), which is shown at the top of the e-mail.");
        }

        if (note.Length > MaxNoteLength)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, $"The correction note is {note.Length} characters; keep it to {MaxNoteLength}, as it is shown at the top of the e-mail.");
        }
    }

    private static void Refuse(ReleaseStatus status)
    {
        if (status.State is ReleaseState.Sending)
        {
            throw new ReleaseProblemException(
                ProblemKind.Conflict,
                $"Release {status.Id} is being sent right now; send the correction once it is sent (presspipe status {status.Id} shows when).");
        }

        if (status.State is ReleaseState.Received or ReleaseState.Rejected)
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {status.Id} is {status.State}, so there is nothing to correct; upload the corrected file as a new release.");
        }
    }

    /// <summary>Reports on the sending thread (Progress&lt;T&gt; would post to the thread pool and reorder counts).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
