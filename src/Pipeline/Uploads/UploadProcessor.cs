using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>
/// Handles a blob that arrived in the uploads container (from the blob trigger, or the CLI's <c>run</c>): reads
/// the staff's instructions from the blob's metadata and an optional sidecar <c>&lt;name&gt;.json</c> (the sidecar
/// wins field by field), then hands the bytes to <see cref="ReleaseIntake"/>. A sidecar arriving after its
/// document schedules the already converted release.
/// Translations come beside their document as <c>{name}.{language}.docx</c> (<c>roundtable.docx</c>,
/// <c>roundtable.ru.docx</c>, <c>roundtable.kk.docx</c>) and files that go with it under <c>{name}.assets/</c>
/// (<see cref="UploadGroup"/>). Whichever arrives first, every blob's event ends in one <em>settle</em> of the
/// release: the document converted, every translation and file present added (the same bytes again change
/// nothing), and only then — when staff asked for a send, everything the sidecar lists is there and nothing was
/// held back — the release scheduled. A translation or file arriving while the document is still converting is
/// found by the document's settle, which looks only after the release is Converted.
/// </summary>
public sealed partial class UploadProcessor(
    PressStorage storage,
    ReleaseIntake intake,
    ReleaseVersions versions,
    ReleaseAssets assets,
    ReleaseWriteLocks locks,
    ReleaseStatusStore statuses,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    IOptions<AssetOptions> assetOptions,
    UploadLimits limits,
    ILogger<UploadProcessor> logger)
{
    public const string SidecarSuffix = ".json";

    /// <summary>The start of the sentence that says a release waits for blobs its sidecar lists (replaced at each settle).</summary>
    public const string WaitingPrefix = "Waiting for ";

    /// <returns>The intake result, or null when the blob waits for its document (or for the document to be converted).</returns>
    public async Task<IntakeResult?> ProcessAsync(string name, Stream? content, CancellationToken cancellationToken)
    {
        var uploads = await storage.EnsureContainerAsync(options.Value.UploadsContainer, cancellationToken);
        var asset = UploadGroup.AssetOf(name);
        var documentName = asset is { } file ? file.Document
            : name.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase) ? name[..^SidecarSuffix.Length]
            : name;
        var document = uploads.GetBlobClient(documentName);

        IDictionary<string, string> metadata;
        try
        {
            metadata = (await document.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.LogInformation("{Name} waits for its document {Document}", name, documentName);
            return null;
        }

        if (asset is not null)
        {
            return await SettleArrivalAsync(uploads, documentName, name, UploadsInbox.UploaderOf(await MetadataOfAsync(uploads, name, cancellationToken)), cancellationToken);
        }

        var uploader = UploadsInbox.UploaderOf(metadata);
        if (documentName == name && TranslationOf(name) is { } translation)
        {
            if (await uploads.GetBlobClient(translation.Document).ExistsAsync(cancellationToken))
            {
                return await SettleArrivalAsync(uploads, translation.Document, name, uploader, cancellationToken);
            }

            if (await ListedBySidecarAsync(uploads, translation.Document, translation.Language, cancellationToken))
            {
                // Its document is still on its way, and the sidecar already says this is its translation.
                logger.LogInformation("Translation {Name} waits for its document {Document}", name, translation.Document);
                return null;
            }
        }

        var (instructions, problem, expected) = await ReadInstructionsAsync(uploads, documentName, metadata, cancellationToken);
        IntakeResult converted;
        if (documentName != name || content is null)
        {
            // Streamed, not downloaded whole: the intake reads it with a size limit before keeping any of it.
            await using var stream = await document.OpenReadAsync(cancellationToken: cancellationToken);
            converted = await intake.IntakeAsync(stream, documentName, ReleaseInstructions.None, cancellationToken, problem, uploader);
        }
        else
        {
            converted = await intake.IntakeAsync(content, documentName, ReleaseInstructions.None, cancellationToken, problem, uploader);
        }

        return converted.Status.State.IsConvertedNotSending()
            ? await SettleAsync(uploads, documentName, converted, instructions, expected, uploader, cancellationToken)
            : converted;
    }

    /// <summary>
    /// A translation or file whose document is there: settles the release when the document is converted; while it is
    /// not, the document's own settle takes it along. Once sending has started it is too late, and the history says so.
    /// </summary>
    private async Task<IntakeResult?> SettleArrivalAsync(BlobContainerClient uploads, string documentName, string name, Actor uploader, CancellationToken cancellationToken)
    {
        string id;
        await using (var main = await uploads.GetBlobClient(documentName).OpenReadAsync(cancellationToken: cancellationToken))
        {
            id = (await BoundedUpload.ReadAsync(main, options.Value.MaxUploadBytes, cancellationToken)).Id;
        }

        var status = await statuses.GetAsync(id, cancellationToken);
        if (status is not null && (status.State.HasStartedSending() || status.PublishedAt is not null))
        {
            var late = $"{name} arrived in the uploads container after the release had gone out ({status.State}), so it was not added; send it separately, or upload it with a new release.";
            logger.LogWarning("Release {ReleaseId}: {Sentence}", id, late);
            var noted = await statuses.UpdateAsync(id, s => s.History.Any(h => h.Message == late) ? s : s.Note(time.GetUtcNow(), late, uploader), cancellationToken);
            return new IntakeResult(id, noted, AlreadyKnown: true, late);
        }

        if (status is null || !status.State.IsConvertedNotSending())
        {
            // Not converted yet: the document's settle takes it along (it looks after converting).
            logger.LogInformation("{Name} waits for {Document} (release {ReleaseId}, {State})", name, documentName, id, status?.State);
            return null;
        }

        var document = await MetadataOfAsync(uploads, documentName, cancellationToken);
        var (instructions, _, expected) = await ReadInstructionsAsync(uploads, documentName, document, cancellationToken);
        return await SettleAsync(uploads, documentName, new IntakeResult(id, status, AlreadyKnown: false), instructions, expected, uploader, cancellationToken);
    }

    /// <summary>
    /// Adds every translation and file beside the document to its converted release, then schedules it when staff
    /// asked for a send, the sidecar's list is complete and nothing was held back. One settle per release at a time:
    /// it holds the release's write lock throughout (so do the other doors' changes) and adds and schedules through
    /// the services' <c>…UnderLockAsync</c> methods, which do not take it again. When another change holds the lock
    /// longer than the wait, <see cref="ReleaseBusyException"/> fails the event, so the trigger delivers it again.
    /// </summary>
    private async Task<IntakeResult> SettleAsync(
        BlobContainerClient uploads,
        string documentName,
        IntakeResult converted,
        ReleaseInstructions instructions,
        UploadGroup.Expected expected,
        Actor uploader,
        CancellationToken cancellationToken)
    {
        var id = converted.ReleaseId;
        await using var held = await locks.AcquireAsync(id, cancellationToken);
        var problems = new List<string>();
        var (translations, translationsTooLarge) = await TranslationsBesideAsync(uploads, documentName, cancellationToken);
        if (translationsTooLarge.Count > 0)
        {
            // Refused by their listed size, never downloaded; said once in the history (each later event of the
            // release sees the same blob, which stays in the container), and held like any version held back.
            var refusals = translationsTooLarge.Select(t => t.Sentence).ToList();
            await statuses.UpdateAsync(
                id,
                s => refusals.Where(r => !s.History.Any(h => h.Message.Contains(r, StringComparison.Ordinal))).ToList() is { Count: > 0 } fresh
                    ? s.Note(time.GetUtcNow(), string.Join(" ", fresh), uploader)
                    : s,
                cancellationToken);
            problems.AddRange(refusals);
        }

        try
        {
            if (translations.Count > 0)
            {
                problems.AddRange((await versions.AddUnderLockAsync(held, translations, uploader, cancellationToken)).Problems);
            }
        }
        catch (ReleaseProblemException e)
        {
            problems.Add(e.Message);
        }
        finally
        {
            foreach (var translation in translations)
            {
                await translation.Content.DisposeAsync();
            }
        }

        var (files, tooLarge) = await AssetsBesideAsync(uploads, documentName, cancellationToken);
        try
        {
            if (files.Count > 0 || tooLarge.Count > 0)
            {
                problems.AddRange((await assets.AddUnderLockAsync(held, files, uploader, cancellationToken, tooLarge)).Refused);
            }
        }
        catch (ReleaseProblemException e)
        {
            problems.Add(e.Message);
        }

        var missing = expected.Translations
            .Where(language => !translations.Any(t => t.Language == language) && !translationsTooLarge.Any(t => t.Language == language))
            .Select(language => UploadGroup.TranslationName(documentName, language))
            .Concat(expected.Assets
                .Where(fileName => !files.Any(f => f.FileName == fileName) && !tooLarge.Any(t => t.Contains($"'{fileName}'", StringComparison.Ordinal)))
                .Select(fileName => UploadGroup.AssetsPrefixOf(documentName) + fileName))
            .ToList();
        var status = await statuses.RequireAsync(id, cancellationToken);
        if (!instructions.AsksToSend || status.State != ReleaseState.Converted || status.Plan is not null)
        {
            return new IntakeResult(id, status, converted.AlreadyKnown, problems.FirstOrDefault() ?? converted.InstructionProblem);
        }

        if (missing.Count > 0)
        {
            // Not a problem yet: the list in the sidecar says what is still on its way.
            problems.Insert(0, $"{WaitingPrefix}{string.Join(", ", missing)}, which the sidecar lists: the release is scheduled when they are in the uploads container.");
        }

        if (problems.Count > 0)
        {
            // Held, as versions given together hold the schedule: nobody is sent a release missing a language or a
            // file staff meant to send. Fixing the file in the container (or scheduling by hand) moves it on.
            logger.LogInformation("Release {ReleaseId} not scheduled yet: {Problem}", id, problems[0]);
            var waiting = await statuses.UpdateAsync(
                id,
                s => s with { InstructionProblems = [.. s.InstructionProblems.Where(p => !p.StartsWith(WaitingPrefix, StringComparison.Ordinal)).Except(problems), .. problems] },
                cancellationToken);
            return new IntakeResult(id, waiting, converted.AlreadyKnown, problems[0]);
        }

        return await intake.ScheduleConvertedUnderLockAsync(held, instructions, converted.AlreadyKnown, uploader, cancellationToken);
    }

    private static async Task<bool> ListedBySidecarAsync(BlobContainerClient uploads, string documentName, string language, CancellationToken cancellationToken)
    {
        try
        {
            var json = (await uploads.GetBlobClient(documentName + SidecarSuffix).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
            return UploadGroup.ExpectedFrom(json).Translations.Contains(language);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private static async Task<IDictionary<string, string>> MetadataOfAsync(BlobContainerClient uploads, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await uploads.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>
    /// The files under <c>{name}.assets/</c>, read for checking; one larger than the per-file limit is refused by
    /// its listed size without being downloaded.
    /// </summary>
    private async Task<(IReadOnlyList<AssetUpload> Files, IReadOnlyList<string> TooLarge)> AssetsBesideAsync(
        BlobContainerClient uploads, string documentName, CancellationToken cancellationToken)
    {
        var files = new List<AssetUpload>();
        var tooLarge = new List<string>();
        await foreach (var item in uploads.GetBlobsAsync(BlobTraits.None, BlobStates.None, UploadGroup.AssetsPrefixOf(documentName), cancellationToken))
        {
            if (UploadGroup.AssetOf(item.Name) is not { } asset || asset.Document != documentName)
            {
                continue;
            }

            var size = item.Properties.ContentLength ?? 0;
            if (size > assetOptions.Value.MaxAssetBytes)
            {
                tooLarge.Add(AssetCheck.TooLarge(asset.FileName, size, assetOptions.Value));
                continue;
            }

            var content = (await uploads.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken)).Value.Content;
            files.Add(new AssetUpload(asset.FileName, content));
        }

        return (files, tooLarge);
    }

    /// <summary>"roundtable.ru.docx" is the Russian translation of "roundtable.docx" (when that document is there).</summary>
    public static (string Document, string Language)? TranslationOf(string name)
    {
        var match = TranslationName().Match(name);
        return match.Success ? (match.Groups["document"].Value + ".docx", match.Groups["language"].Value.ToLowerInvariant()) : null;
    }

    /// <summary>
    /// The translations waiting beside a document, opened for reading (the caller disposes them); one larger than the
    /// document limit is refused by its listed size without being read.
    /// </summary>
    private async Task<(IReadOnlyList<VersionUpload> Found, IReadOnlyList<(string Language, string Sentence)> TooLarge)> TranslationsBesideAsync(
        BlobContainerClient uploads, string documentName, CancellationToken cancellationToken)
    {
        if (!documentName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return ([], []);
        }

        var found = new List<VersionUpload>();
        var tooLarge = new List<(string, string)>();
        await foreach (var item in uploads.GetBlobsAsync(BlobTraits.None, BlobStates.None, documentName[..^".docx".Length] + ".", cancellationToken))
        {
            if (TranslationOf(item.Name) is not { } translation || translation.Document != documentName)
            {
                continue;
            }

            if (item.Properties.ContentLength > limits.Document.Bytes)
            {
                tooLarge.Add((translation.Language, ReleaseVersions.NotAdded(item.Name, limits.Document.Sentence)));
                continue;
            }

            found.Add(new VersionUpload(item.Name, await uploads.GetBlobClient(item.Name).OpenReadAsync(cancellationToken: cancellationToken), translation.Language));
        }

        return (found, tooLarge);
    }

    [GeneratedRegex(@"^(?<document>.+)\.(?<language>[A-Za-z]{2,3})\.docx$", RegexOptions.IgnoreCase)]
    private static partial Regex TranslationName();

    private static async Task<(ReleaseInstructions Instructions, string? Problem, UploadGroup.Expected Expected)> ReadInstructionsAsync(
        BlobContainerClient uploads, string documentName, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var fromMetadata = ReleaseInstructions.FromMetadata(metadata);
        string json;
        try
        {
            json = (await uploads.GetBlobClient(documentName + SidecarSuffix).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (fromMetadata, null, UploadGroup.Expected.Nothing);
        }

        try
        {
            return (fromMetadata.OverriddenBy(ReleaseInstructions.FromSidecar(json)), null, UploadGroup.ExpectedFrom(json));
        }
        catch (ReleaseProblemException e)
        {
            return (fromMetadata, e.Message, UploadGroup.Expected.Nothing);
        }
    }
}
