using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Publishing;
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
    ReleaseConverter converter,
    ReleaseBlobStore store,
    ReleaseStatusStore statuses,
    ReleaseScheduler scheduler,
    NewsroomUrls newsroom,
    SignedLinks links,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    IOptions<LinkOptions> linkOptions,
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
        string? instructionProblem = null)
    {
        var read = await BoundedUpload.ReadAsync(upload, options.Value.MaxUploadBytes, cancellationToken);
        var id = read.Id;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReleaseId"] = id, ["SourceName"] = sourceName });
        if (read.Content is not { } content)
        {
            return await RefuseTooLargeAsync(id, sourceName, read.Bytes, cancellationToken);
        }

        if (!await statuses.TryCreateAsync(ReleaseStatus.Received(id, sourceName, time.GetUtcNow()), cancellationToken))
        {
            var existing = await statuses.RequireAsync(id, cancellationToken);
            if (existing.State == ReleaseState.Converted && existing.Plan is null && instructions.AsksToSend)
            {
                // Converted earlier without lists/times (e.g. the sidecar came second): schedule now.
                return await ApplyAsync(id, instructions, alreadyKnown: true, cancellationToken);
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

        var outcome = Convert(id, content);
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
        var manifest = await StoreAsync(id, sourceName, converted, cancellationToken);
        var convertedStatus = await statuses.UpdateAsync(
            id,
            s => !s.State.AwaitsConversion() ? s : s.MoveTo(ReleaseState.Converted, time.GetUtcNow(), Converted(manifest)) with
            {
                Reasons = [],
                Title = manifest.Title,
                Language = manifest.Language,
                Warnings = [.. manifest.Warnings.Select(w => w.Message)],
                Files = manifest.Files,
                ReleaseLine = manifest.ReleaseLine,
                InstructionProblems = instructionProblem is null ? [] : [instructionProblem],
            },
            cancellationToken);
        logger.LogInformation("Release {ReleaseId} converted: {Files} files, {Warnings} warnings", id, manifest.Files.Count, manifest.Warnings.Count);

        return instructions.AsksToSend
            ? await ApplyAsync(id, instructions, alreadyKnown: false, cancellationToken)
            : new IntakeResult(id, convertedStatus, AlreadyKnown: false, instructionProblem);
    }

    /// <summary>The sentence for an upload past <see cref="PipelineOptions.MaxUploadBytes"/>; its bytes were never kept.</summary>
    public static string TooLargeSentence(long limit) =>
        $"The file is larger than {(limit >= 1024 * 1024 ? $"{limit / (1024 * 1024)} MB" : $"{limit / 1024} KB")}: compress the pictures in Word (Picture Format › Compress Pictures) and upload it again.";

    private async Task<IntakeResult> RefuseTooLargeAsync(string id, string sourceName, long bytes, CancellationToken cancellationToken)
    {
        var sentence = TooLargeSentence(options.Value.MaxUploadBytes);
        logger.LogWarning("Upload {SourceName} refused: {Bytes} bytes is over the {Limit}-byte limit", sourceName, bytes, options.Value.MaxUploadBytes);
        if (!await statuses.TryCreateAsync(ReleaseStatus.Received(id, sourceName, time.GetUtcNow()), cancellationToken))
        {
            return new IntakeResult(id, await statuses.RequireAsync(id, cancellationToken), AlreadyKnown: true);
        }

        var status = await statuses.UpdateAsync(
            id,
            s => s.State != ReleaseState.Received ? s : s.MoveTo(ReleaseState.Rejected, time.GetUtcNow(), sentence) with { Reasons = [sentence] },
            cancellationToken);
        return new IntakeResult(id, status, AlreadyKnown: false);
    }

    private async Task<IntakeResult> ApplyAsync(string id, ReleaseInstructions instructions, bool alreadyKnown, CancellationToken cancellationToken)
    {
        try
        {
            return new IntakeResult(id, await scheduler.ScheduleAsync(id, instructions, cancellationToken), alreadyKnown);
        }
        catch (ReleaseProblemException problem) when (problem.Kind is ProblemKind.Invalid or ProblemKind.Conflict)
        {
            logger.LogWarning("Release {ReleaseId} not scheduled: {Problem}", id, problem.Message);
            var status = await statuses.UpdateAsync(id, s => s with { InstructionProblems = [problem.Message] }, cancellationToken);
            return new IntakeResult(id, status, alreadyKnown, problem.Message);
        }
    }

    /// <summary>What staff read when the converter failed for a reason that is not the document.</summary>
    public static string FailedSentence(string id) =>
        $"Failed: the document could not be processed because of an internal error; it will be tried again, or upload it again (an operator can look it up under release {id}).";

    /// <summary>The outcome, or null when the converter failed for a reason other than the document.</summary>
    private ConversionOutcome? Convert(string id, BinaryData content)
    {
        // The e-mail is usually sent before the embargo lifts, when the newsroom copy does not exist yet: its
        // images come from the release's signed folder, which works for recipients from now on.
        var context = new RenderContext(
            ImageBaseUrl: links.Folder(id, time.GetUtcNow() + linkOptions.Value.Lifetime),
            WebPageUrl: newsroom.FileOf(id, WebFileName),
            PdfUrl: newsroom.FileOf(id, PdfFileName),
            Organisation: options.Value.Organisation);
        try
        {
            return converter.Convert(content.ToStream(), context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not the document's fault (out of memory, a bug): recorded as Failed, not Rejected, so that the same
            // bytes are converted again on a retry or a re-upload instead of being refused for ever.
            logger.LogError(e, "Converting release {ReleaseId} failed unexpectedly", id);
            return null;
        }
    }

    private async Task<ReleaseManifest> StoreAsync(string id, string sourceName, ConvertedRelease converted, CancellationToken cancellationToken)
    {
        var files = new List<StoredFile>();
        foreach (var file in converted.Files)
        {
            await store.SaveFileAsync(id, file.FileName, file.ContentType, file.Content, cancellationToken);
            files.Add(new StoredFile(file.Variant, file.FileName, file.ContentType, file.Content.Length));
        }

        var metadata = converted.Release.Metadata;
        var manifest = new ReleaseManifest(
            id,
            sourceName,
            metadata.Title,
            metadata.Language,
            metadata.Organisation ?? options.Value.Organisation,
            ContactEmail.Find(metadata.MediaContacts),
            ReleaseLine.From(metadata.Release),
            files,
            converted.Warnings,
            time.GetUtcNow());
        await store.SaveManifestAsync(manifest, cancellationToken);
        return manifest;
    }

    private static string Converted(ReleaseManifest manifest) =>
        $"Converted \"{manifest.Title}\" into {string.Join(", ", manifest.Files.Select(f => f.Variant).Where(v => v != "image").Distinct())}"
        + (manifest.Warnings.Count > 0 ? $" with {manifest.Warnings.Count} warning(s)." : ".");
}
