using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Manifest;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Results;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>A language version as staff give it: the document, and its language when they name one.</summary>
/// <param name="Language">"ru", "kk", "en"…; null to take the document's own language.</param>
public sealed record VersionUpload(string SourceName, Stream Content, string? Language = null);

/// <summary>What adding versions did: the status, and one sentence per version that was held back.</summary>
public sealed record VersionsResult(ReleaseStatus Status, IReadOnlyList<string> Problems);

/// <summary>
/// The language versions of one release: one id, one status, one send and one publish time. The main version's
/// files sit at the root of the release folder (as a release with one language always had them); every other
/// version's under <c>{language}/</c>, its original as <c>{language}/original.docx</c>. Each time a version is
/// added every version is rendered again, so that each web page, e-mail and text names all the others (hreflang,
/// the language switch, "Read in: …") through the same links that work before and after the lift.
/// Adding holds the release's write lock (<see cref="ReleaseWriteLock"/>); <see cref="RebuildAsync"/> and
/// <see cref="RenderForPlanAsync"/> write manifest.json for callers that already hold it (a correction, a new plan,
/// files added).
/// </summary>
public sealed partial class ReleaseVersions(
    ReleaseWriteLocks locks,
    ReleaseConverter converter,
    ReleaseBlobStore store,
    ReleaseStatusStore statuses,
    NewsroomUrls newsroom,
    SignedLinks links,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<ReleaseVersions> logger)
{
    /// <summary>Adds (or replaces) translations of a converted release that has not started sending.</summary>
    /// <param name="recordProblems">Keep the sentences of held-back versions in status.json (uploads); false when the caller answers with them.</param>
    /// <remarks>Holds the release's write lock meanwhile, waiting a while for another change of it to finish (<see cref="ReleaseBusyException"/> when it does not).</remarks>
    public async Task<VersionsResult> AddAsync(string id, IReadOnlyList<VersionUpload> uploads, Actor by, CancellationToken cancellationToken, bool recordProblems = true)
    {
        await using var held = await locks.AcquireAsync(id, cancellationToken);
        return await AddUnderLockAsync(held, uploads, by, cancellationToken, recordProblems);
    }

    /// <summary>
    /// Adds translations for a caller that already holds the release's write lock around a larger change (the blob
    /// door's settle): a blob lease is not re-entrant, so taking it again here would wait for the caller itself.
    /// </summary>
    public async Task<VersionsResult> AddUnderLockAsync(ReleaseWriteLock held, IReadOnlyList<VersionUpload> uploads, Actor by, CancellationToken cancellationToken, bool recordProblems = true)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(uploads);
        var id = held.ReleaseId;
        var status = await statuses.RequireAsync(id, cancellationToken);
        Refuse(status);
        var manifest = await store.RequireManifestAsync(id, cancellationToken);
        var versions = (await OriginalsAsync(manifest, cancellationToken)).ToList();
        var problems = new List<string>();
        var added = new List<string>();
        foreach (var upload in uploads)
        {
            if (await ReadAsync(upload, versions[0].Language, problems, cancellationToken) is not { } version)
            {
                continue;
            }

            var existing = versions.FindIndex(v => v.Language == version.Language);
            if (existing >= 0 && versions[existing].Source.Sha256 == version.Source.Sha256)
            {
                continue;
            }

            if (existing >= 0)
            {
                versions[existing] = version;
            }
            else
            {
                versions.Add(version);
            }

            added.Add($"the {LanguageNames.Native(version.Language)} version ({version.Language}) from {version.Source.FileName}");
        }

        IReadOnlyList<string> recorded = recordProblems ? problems : [];
        if (added.Count == 0)
        {
            var unchanged = recorded.Count == 0
                ? status
                : await statuses.UpdateAsync(id, s => s with { InstructionProblems = [.. s.InstructionProblems.Except(recorded), .. recorded] }, cancellationToken);
            return new VersionsResult(unchanged, problems);
        }

        var rebuilt = await RenderAsync(id, versions, manifest, status.Plan, cancellationToken);
        foreach (var version in versions.Where(v => !v.Main))
        {
            await store.SaveFileAsync(id, version.Folder + ReleaseBlobStore.OriginalName, Docx, version.Content.ToMemory(), cancellationToken);
        }

        var sentence = $"Added {string.Join(", ", added)}.";
        var updated = await statuses.UpdateAsync(
            id,
            s => s.Note(time.GetUtcNow(), sentence, by) with
            {
                Files = rebuilt.StoredFiles(),
                Warnings = rebuilt.StatusWarnings(),
                Languages = [.. rebuilt.Versions.Select(v => v.Language)],
                InstructionProblems = [.. s.InstructionProblems.Except(recorded), .. recorded],
                Approval = null,
            },
            cancellationToken);
        logger.LogInformation("Release {ReleaseId}: {Sentence}", id, sentence);
        return new VersionsResult(updated, problems);
    }

    /// <summary>
    /// Renders every version again from its stored original (after the main version was corrected), so the links
    /// between versions stay true; a release with one version is left as the correction wrote it.
    /// </summary>
    public async Task<ReleaseManifest> RebuildAsync(string id, ReleaseManifest before, ReleaseManifest corrected, DeliveryPlan? plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(corrected);
        if (before.Versions.Count < 2)
        {
            return corrected;
        }

        var translations = (await OriginalsAsync(before, cancellationToken)).Where(v => !v.Main).Where(v => v.Language != corrected.Main.Language);
        var versions = (await OriginalsAsync(corrected, cancellationToken)).Concat(translations).ToList();
        return await RenderAsync(id, versions, corrected, plan, cancellationToken);
    }

    /// <summary>Renders every version again for staff's <paramref name="plan"/> (the embargo line it makes true).</summary>
    public async Task<ReleaseManifest> RenderForPlanAsync(string id, ReleaseManifest manifest, DeliveryPlan? plan, CancellationToken cancellationToken) =>
        await RenderAsync(id, await OriginalsAsync(manifest, cancellationToken), manifest, plan, cancellationToken);

    /// <summary>The main version's files are at the root; the others' in a folder named after their language.</summary>
    public static string FolderOf(string language, bool main) => main ? string.Empty : language + "/";

    /// <summary>The render context of one version: its own links, every version for the language switch, and the release's files.</summary>
    public RenderContext ContextFor(string id, string language, bool main, IReadOnlyList<(string Language, bool Main)> all, DeliveryPlan? plan = null, IReadOnlyList<ManifestAsset>? assets = null)
    {
        var folder = FolderOf(language, main);
        return new RenderContext(
            ImageBaseUrl: new Uri(links.Folder(id), folder),
            WebPageUrl: links.Create(id, folder + ReleaseIntake.WebFileName),
            PdfUrl: links.Create(id, folder + ReleaseIntake.PdfFileName),
            CanonicalUrl: newsroom.FileOf(id, folder + ReleaseIntake.WebFileName),
            Organisation: options.Value.Organisation)
        {
            // Staff's plan decides what every version says about the embargo, as for a one-version release.
            ShownReleaseLine = ShownReleaseLine.Replacing(plan, language),
            Versions = all.Count < 2
                ? []
                : [.. all.Select(v => new VersionLink(
                    v.Language,
                    links.Create(id, FolderOf(v.Language, v.Main) + ReleaseIntake.WebFileName),
                    newsroom.FileOf(id, FolderOf(v.Language, v.Main) + ReleaseIntake.WebFileName),
                    v.Language == language))],
            Assets = ReleaseAssetFiles.Links(id, assets ?? [], links),
        };
    }

    private static void Refuse(ReleaseStatus status)
    {
        if (status.State.HasStartedSending() || status.PublishedAt is not null)
        {
            throw new ReleaseProblemException(
                ProblemKind.Conflict,
                $"Release {status.Id} has already gone out ({status.State}), so a translation can no longer be added; upload the translation as a release of its own.");
        }

        if (status.State is not (ReleaseState.Converted or ReleaseState.Scheduled))
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {status.Id} is {status.State}, so a translation cannot be added to it; upload the main version first.");
        }
    }

    /// <summary>"ru.docx was not added: …", the sentence of a version held back (the blob door says it for a blob it does not read).</summary>
    public static string NotAdded(string fileName, string why) => $"{Path.GetFileName(fileName)} was not added: {why}";

    /// <summary>Reads one upload and tells its language; null (with a sentence in <paramref name="problems"/>) when it is held back.</summary>
    private async Task<VersionOriginal?> ReadAsync(VersionUpload upload, string mainLanguage, List<string> problems, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(upload.SourceName);
        var read = await BoundedUpload.ReadAsync(upload.Content, options.Value.MaxUploadBytes, cancellationToken);
        if (read.Content is not { } content)
        {
            problems.Add(NotAdded(name, ReleaseIntake.TooLargeSentence(options.Value.MaxUploadBytes)));
            return null;
        }

        string? language = null;
        if (upload.Language is { } named)
        {
            if (!LanguageTag().IsMatch(named.Trim()))
            {
                problems.Add($"{name} was not added: '{named}' is not a language; name it like ru, kk or en.");
                return null;
            }

            language = LanguageNames.Primary(named);
        }

        try
        {
            var model = converter.Read(content.ToStream()).Value;
            if (language is null && model.Metadata.LanguageKnown)
            {
                language = LanguageNames.Primary(model.Metadata.Language);
            }
        }
        catch (DocumentRejectedException rejected)
        {
            problems.Add($"{name} was not added: {rejected.Rejection.Message}");
            return null;
        }

        if (language is null)
        {
            problems.Add($"{name} was not added because its language could not be told: set the language in Word (Review › Language › Set Proofing Language) and upload it again, or name it (presspipe translate <id> ru {name}).");
            return null;
        }

        if (language == mainLanguage)
        {
            problems.Add($"{name} was not added: it is in {LanguageNames.Native(language)}, the language of the main version; to replace the main version, correct the release instead, or name the translation's language if the document is tagged wrongly.");
            return null;
        }

        return new VersionOriginal(language, false, content, ManifestWriter.Describe(name, content.ToStream()));
    }

    /// <summary>Every version's original from the release folder, main first.</summary>
    private async Task<IReadOnlyList<VersionOriginal>> OriginalsAsync(ReleaseManifest manifest, CancellationToken cancellationToken)
    {
        var found = new List<VersionOriginal>();
        foreach (var version in manifest.Versions.OrderByDescending(v => v.Main))
        {
            var content = await store.ReadAsync(manifest.Id, version.Folder + ReleaseBlobStore.OriginalName, cancellationToken)
                ?? throw new InvalidOperationException($"Release {manifest.Id} lists the {version.Language} version but its original is missing.");
            found.Add(new VersionOriginal(version.Language, version.Main, content, version.Source));
        }

        return found;
    }

    /// <summary>Converts every version with links to all the others, stores their files, writes the manifest, removes files no version has any more.</summary>
    private async Task<ReleaseManifest> RenderAsync(string id, IReadOnlyList<VersionOriginal> versions, ReleaseManifest before, DeliveryPlan? plan, CancellationToken cancellationToken)
    {
        var all = versions.Select(v => (v.Language, v.Main)).ToList();
        var described = new List<ManifestVersion>();
        foreach (var version in versions)
        {
            var outcome = converter.Convert(version.Content.ToStream(), ContextFor(id, version.Language, version.Main, all, plan, before.Assets));
            if (outcome is ConversionOutcome.Rejected rejected)
            {
                throw new ReleaseProblemException(ProblemKind.Invalid, $"{version.Source.FileName} was not added: {rejected.Rejection.Message}");
            }

            var converted = ((ConversionOutcome.Converted)outcome).Release;
            var description = ManifestWriter.Version(converted, version.Source, version.Main, version.Language, version.Folder);
            await ReleaseRendering.SaveChangedAsync(store, id, version.Folder, converted, description, before, cancellationToken);
            described.Add(description);
        }

        var manifest = ManifestWriter.Create(id, described, before.Assets, time.GetUtcNow());
        await store.SaveManifestAsync(manifest, cancellationToken);
        foreach (var gone in before.StoredFiles().Select(f => f.FileName).Except(manifest.StoredFiles().Select(f => f.FileName), StringComparer.Ordinal))
        {
            await (await store.FileAsync(id, gone, cancellationToken)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }

        return manifest;
    }

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [GeneratedRegex("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    private sealed record VersionOriginal(string Language, bool Main, BinaryData Content, ManifestSource Source)
    {
        public string Folder => FolderOf(Language, Main);
    }
}
