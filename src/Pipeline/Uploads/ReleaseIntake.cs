using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Manifest;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>
/// An upload becomes a release: id from the bytes, original kept, converted once, every variant and the
/// manifest stored, status written, and — only when staff gave lists and a send time — scheduled.
/// The same bytes again change nothing.
/// </summary>
public sealed class ReleaseIntake(
    ReleaseRendering rendering,
    ReleaseVersions versions,
    ReleaseBlobStore store,
    ReleaseStatusStore statuses,
    ReleaseScheduler scheduler,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<ReleaseIntake> logger)
{
    /// <summary>File names the web and PDF renderers write (their public links are known before rendering).</summary>
    public const string WebFileName = Conversion.Rendering.Web.WebRenderer.FileName;
    public const string PdfFileName = "release.pdf";

    public async Task<IntakeResult> IntakeAsync(
        Stream upload,
        string sourceName,
        ReleaseInstructions instructions,
        CancellationToken cancellationToken,
        string? instructionProblem = null,
        Actor? by = null,
        IReadOnlyList<VersionUpload>? translations = null)
    {
        var result = await IntakeMainAsync(upload, sourceName, translations is { Count: > 0 } ? ReleaseInstructions.None : instructions, cancellationToken, instructionProblem, by);
        if (translations is not { Count: > 0 } || !result.Status.State.IsConvertedNotSending())
        {
            return result;
        }

        // Versions given together are one release: every version is added before anything is scheduled, and a
        // version held back (its language could not be told) holds the schedule too, so nobody gets a release
        // that is missing a language staff meant to send.
        var added = await versions.AddAsync(result.ReleaseId, translations, by ?? Actor.System, cancellationToken);
        if (added.Problems.Count > 0)
        {
            return result with { Status = added.Status, InstructionProblem = added.Problems[0] };
        }

        return instructions.AsksToSend
            ? await ApplyAsync(result.ReleaseId, instructions, result.AlreadyKnown, by, cancellationToken)
            : result with { Status = added.Status };
    }

    private async Task<IntakeResult> IntakeMainAsync(
        Stream upload,
        string sourceName,
        ReleaseInstructions instructions,
        CancellationToken cancellationToken,
        string? instructionProblem,
        Actor? by)
    {
        var read = await BoundedUpload.ReadAsync(upload, options.Value.MaxUploadBytes, cancellationToken);
        var id = read.Id;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = id, ["SourceName"] = sourceName });
        if (read.Content is not { } content)
        {
            return await RefuseTooLargeAsync(id, sourceName, read.Bytes, by, cancellationToken);
        }

        if (!await statuses.TryCreateAsync(ReleaseStatus.Received(id, sourceName, time.GetUtcNow(), by), cancellationToken))
        {
            var existing = await statuses.RequireAsync(id, cancellationToken);
            if (existing.State == ReleaseState.Converted && existing.Plan is null && instructions.AsksToSend)
            {
                // Converted earlier without lists/times (e.g. the sidecar came second): schedule now.
                return await ApplyAsync(id, instructions, alreadyKnown: true, by, cancellationToken);
            }

            if (!existing.State.AwaitsConversion())
            {
                logger.LogInformation("Upload {SourceName} is release {ReleaseId}, already {State}; nothing to do", sourceName, id, existing.State);
                return new IntakeResult(id, existing, AlreadyKnown: true);
            }

            // Still Received (an earlier attempt stopped midway) or Failed (the converter failed, not the document):
            // converting again writes the same files.
        }

        logger.LogInformation("Received {SourceName} as release {ReleaseId} ({Bytes} bytes)", sourceName, id, content.ToMemory().Length);
        await store.SaveOriginalAsync(id, content, sourceName, cancellationToken);

        var outcome = rendering.Convert(id, content);
        if (outcome is null)
        {
            var sentence = FailedSentence(id);
            var failed = await statuses.UpdateAsync(
                id,
                s => !s.State.AwaitsConversion() ? s : s.MoveTo(ReleaseState.Failed, time.GetUtcNow(), sentence) with { Reasons = [sentence] },
                cancellationToken);
            return new IntakeResult(id, failed, AlreadyKnown: false);
        }

        if (outcome is ConversionOutcome.Rejected rejected)
        {
            var status = await statuses.UpdateAsync(
                id,
                s => !s.State.AwaitsConversion() ? s : s.MoveTo(ReleaseState.Rejected, time.GetUtcNow(), rejected.Rejection.Message) with { Reasons = [rejected.Rejection.Message] },
                cancellationToken);
            logger.LogWarning("Release {ReleaseId} rejected ({Kind}): {Reason}", id, rejected.Rejection.Kind, rejected.Rejection.Message);
            return new IntakeResult(id, status, AlreadyKnown: false);
        }

        var converted = ((ConversionOutcome.Converted)outcome).Release;
        var manifest = await rendering.StoreAsync(id, sourceName, content, converted, cancellationToken);

        // An embargo that has already passed (an old template) is said at once, not only when staff schedule.
        instructionProblem ??= PlanResolver.PassedEmbargo(manifest.ReleaseLine(), time.GetUtcNow());
        var convertedStatus = await statuses.UpdateAsync(
            id,
            s => !s.State.AwaitsConversion() ? s : s.MoveTo(ReleaseState.Converted, time.GetUtcNow(), Converted(manifest)) with
            {
                Reasons = [],
                Title = manifest.Title(),
                Language = manifest.Language(),
                Warnings = manifest.StatusWarnings(),
                Files = manifest.StoredFiles(),
                ReleaseLine = manifest.ReleaseLine(),
                InstructionProblems = instructionProblem is null ? [] : [instructionProblem],
            },
            cancellationToken);
        logger.LogInformation("Release {ReleaseId} converted: {Files} files, {Warnings} warnings", id, manifest.AllFiles.Count(), manifest.Versions.Sum(v => v.Warnings.Count));

        return instructions.AsksToSend
            ? await ApplyAsync(id, instructions, alreadyKnown: false, by, cancellationToken)
            : new IntakeResult(id, convertedStatus, AlreadyKnown: false, instructionProblem);
    }

    /// <summary>The sentence for an upload past <see cref="PipelineOptions.MaxUploadBytes"/>; its bytes were never kept.</summary>
    public static string TooLargeSentence(long limit) => new UploadLimit(UploadKind.Document, limit).Sentence;

    private async Task<IntakeResult> RefuseTooLargeAsync(string id, string sourceName, long bytes, Actor? by, CancellationToken cancellationToken)
    {
        var sentence = TooLargeSentence(options.Value.MaxUploadBytes);
        logger.LogWarning("Upload {SourceName} refused: {Bytes} bytes is over the {Limit}-byte limit", sourceName, bytes, options.Value.MaxUploadBytes);
        if (!await statuses.TryCreateAsync(ReleaseStatus.Received(id, sourceName, time.GetUtcNow(), by), cancellationToken))
        {
            return new IntakeResult(id, await statuses.RequireAsync(id, cancellationToken), AlreadyKnown: true);
        }

        var status = await statuses.UpdateAsync(
            id,
            s => s.State != ReleaseState.Received ? s : s.MoveTo(ReleaseState.Rejected, time.GetUtcNow(), sentence) with { Reasons = [sentence] },
            cancellationToken);
        return new IntakeResult(id, status, AlreadyKnown: false);
    }

    /// <summary>
    /// Schedules a converted release from staff's instructions (the blob door calls this once every translation
    /// and file of an upload group is there); a problem with the instructions is recorded as a sentence, not thrown.
    /// </summary>
    /// <param name="held">The release's write lock, which the settle holds while it adds the group's files.</param>
    public Task<IntakeResult> ScheduleConvertedUnderLockAsync(ReleaseWriteLock held, ReleaseInstructions instructions, bool alreadyKnown, Actor? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        return ApplyAsync(held.ReleaseId, instructions, alreadyKnown, by, cancellationToken, held);
    }

    /// <param name="held">The release's write lock when the caller holds it already; otherwise the scheduler takes it.</param>
    private async Task<IntakeResult> ApplyAsync(string id, ReleaseInstructions instructions, bool alreadyKnown, Actor? by, CancellationToken cancellationToken, ReleaseWriteLock? held = null)
    {
        try
        {
            var scheduled = held is null
                ? await scheduler.ScheduleAsync(id, instructions, cancellationToken, by)
                : await scheduler.ScheduleUnderLockAsync(held, instructions, cancellationToken, by);
            return new IntakeResult(id, scheduled, alreadyKnown);
        }

        // A busy release is not a problem with staff's instructions: it is not kept in status.json but goes to the
        // caller (the same upload again schedules it).
        catch (ReleaseProblemException problem) when (problem is not ReleaseBusyException && problem.Kind is ProblemKind.Invalid or ProblemKind.Conflict)
        {
            logger.LogWarning("Release {ReleaseId} not scheduled: {Problem}", id, problem.Message);
            var status = await statuses.UpdateAsync(id, s => s with { InstructionProblems = [problem.Message] }, cancellationToken);
            return new IntakeResult(id, status, alreadyKnown, problem.Message);
        }
    }

    /// <summary>
    /// Converts a corrected document into the existing release's folder (same id, same file names) and writes its
    /// manifest; throws the converter's sentence when the correction is rejected, leaving the current version.
    /// </summary>
    /// <param name="plan">The release's plan, whose release line the corrected variants show (<see cref="ShownReleaseLine"/>).</param>
    /// <param name="assets">The files that go with the release: the corrected web page and text list them, the manifest keeps them.</param>
    internal async Task<ReleaseManifest> ConvertCorrectionAsync(string id, BinaryData content, string sourceName, DeliveryPlan? plan, string? language, IReadOnlyList<ManifestAsset> assets, CancellationToken cancellationToken)
    {
        var outcome = rendering.Convert(id, content, plan, language, assets)
            ?? throw new ReleaseProblemException(ProblemKind.Conflict, $"The corrected document was not used, the current version stays: {FailedSentence(id)}");
        if (outcome is ConversionOutcome.Rejected rejected)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, $"The corrected document was not used, the current version stays: {rejected.Rejection.Message}");
        }

        return await rendering.StoreAsync(id, sourceName, content, ((ConversionOutcome.Converted)outcome).Release, cancellationToken, assets);
    }

    /// <summary>Reads a corrected document within <see cref="PipelineOptions.MaxUploadBytes"/>, as uploads are read.</summary>
    internal async Task<BinaryData> ReadCorrectionAsync(Stream document, CancellationToken cancellationToken)
    {
        var read = await BoundedUpload.ReadAsync(document, options.Value.MaxUploadBytes, cancellationToken);
        return read.Content ?? throw new UploadLimit(UploadKind.Document, options.Value.MaxUploadBytes).Refusal();
    }

    /// <summary>What staff read when the converter failed for a reason that is not the document.</summary>
    public static string FailedSentence(string id) =>
        $"Failed: the document could not be processed because of an internal error; it will be tried again, or upload it again (an operator can look it up under release {id}).";

    private static string Converted(ReleaseManifest manifest)
    {
        var warnings = manifest.Versions.Sum(v => v.Warnings.Count);
        return $"Converted \"{manifest.Title()}\" into {string.Join(", ", manifest.Main.Files.Select(f => f.Variant).Where(v => v != "image").Distinct())}"
            + (warnings > 0 ? $" with {warnings} warning(s)." : ".");
    }
}
