using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion;
using PressPipeline.Conversion.Manifest;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>
/// Converts a release's document into its stored variants: at upload, for a correction, and again when staff's plan
/// changes what the variants must say about the embargo (<see cref="ShownReleaseLine"/>), so that the web page and
/// PDF made public and the e-mail sent always agree with the plan, and when staff add files, so that every version's
/// web page and text list them.
/// </summary>
public sealed class ReleaseRendering(
    ReleaseConverter converter,
    ReleaseVersions versions,
    ReleaseBlobStore store,
    NewsroomUrls newsroom,
    SignedLinks links,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<ReleaseRendering> logger)
{
    /// <summary>The outcome, or null when the converter failed for a reason other than the document.</summary>
    /// <param name="plan">Staff's plan when there is one: its release line replaces the document's in the variants.</param>
    /// <param name="assets">The files that go with the release, which the web page and text list for download.</param>
    public ConversionOutcome? Convert(string id, BinaryData content, DeliveryPlan? plan = null, string? language = null, IReadOnlyList<ManifestAsset>? assets = null)
    {
        // Every link a variant carries (the e-mail's buttons and images, the text's PDF link, the web page's PDF
        // link and og:image) goes through the signed-file route: it serves recipients before the lift and redirects
        // to the newsroom after, so the same bytes work in an e-mail sent today and opened in ten years. Only the
        // canonical address names the newsroom itself.
        var context = new RenderContext(
            ImageBaseUrl: links.Folder(id),
            WebPageUrl: links.Create(id, ReleaseIntake.WebFileName),
            PdfUrl: links.Create(id, ReleaseIntake.PdfFileName),
            CanonicalUrl: newsroom.FileOf(id, ReleaseIntake.WebFileName),
            Organisation: options.Value.Organisation)
        {
            ShownReleaseLine = ShownReleaseLine.Replacing(plan, language),
            Assets = ReleaseAssetFiles.Links(id, assets ?? [], links),
        };
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

    /// <summary>Stores every file and the manifest of a one-version release (whose release line is the document's own).</summary>
    /// <param name="assets">The files that go with the release, kept in the manifest.</param>
    /// <param name="before">The manifest the stored files match: a file whose bytes it already lists is not written again (a PDF the change left alone).</param>
    public async Task<ReleaseManifest> StoreAsync(
        string id,
        string sourceName,
        BinaryData content,
        ConvertedRelease converted,
        CancellationToken cancellationToken,
        IReadOnlyList<ManifestAsset>? assets = null,
        ReleaseManifest? before = null)
    {
        var source = ManifestWriter.Describe(sourceName, content.ToStream());
        var version = ManifestWriter.Version(converted, source, main: true);
        await SaveChangedAsync(store, id, string.Empty, converted, version, before, cancellationToken);
        var manifest = ManifestWriter.Create(id, [version], assets ?? [], time.GetUtcNow());
        await store.SaveManifestAsync(manifest, cancellationToken);
        return manifest;
    }

    /// <summary>
    /// Renders every version's variants again so that the web page and text list the files now in the manifest (with
    /// staff's plan, as the variants say now); writes only the files that changed, and the manifest.
    /// </summary>
    public async Task<ReleaseManifest> ShowAssetsAsync(ReleaseStatus current, ReleaseManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Versions.Count > 1)
        {
            return await versions.RenderForPlanAsync(current.Id, manifest, current.Plan, cancellationToken);
        }

        var original = await store.ReadAsync(current.Id, ReleaseBlobStore.OriginalName, cancellationToken);
        var outcome = original is null ? null : Convert(current.Id, original, current.Plan, current.Language, manifest.Assets);
        if (outcome is not ConversionOutcome.Converted converted)
        {
            throw new ReleaseProblemException(
                ProblemKind.Conflict,
                $"The files were added to release {current.Id} and the e-mail links them, but its web page could not be rendered again to list them; add the files again to retry.");
        }

        return await StoreAsync(current.Id, manifest.Main.Source.FileName, original!, converted.Release, cancellationToken, manifest.Assets, manifest);
    }

    /// <summary>Writes the rendered files of one version whose bytes <paramref name="before"/> does not already list at that path.</summary>
    internal static async Task SaveChangedAsync(ReleaseBlobStore store, string id, string folder, ConvertedRelease converted, ManifestVersion described, ReleaseManifest? before, CancellationToken cancellationToken)
    {
        var stored = before?.AllFiles.ToDictionary(f => f.Path, f => f.Sha256, StringComparer.Ordinal) ?? [];
        foreach (var (file, manifestFile) in converted.Files.Zip(described.Files))
        {
            if (stored.TryGetValue(manifestFile.Path, out var sha256) && sha256 == manifestFile.Sha256)
            {
                continue;
            }

            await store.SaveFileAsync(id, folder + file.FileName, file.ContentType, file.Content, cancellationToken);
        }
    }

    /// <summary>
    /// Renders the variants again from the stored original when <paramref name="plan"/> makes them say something
    /// other than what they say now (the document's line, or the previous plan's); otherwise does nothing.
    /// Throws a sentence when the original can no longer be converted, before anything is scheduled.
    /// </summary>
    public async Task ShowPlanAsync(ReleaseStatus current, DeliveryPlan plan, CancellationToken cancellationToken)
    {
        var document = ShownReleaseLine.Of(current.ReleaseLine);
        if (ShownReleaseLine.For(document, current.Plan, current.Language) == ShownReleaseLine.For(document, plan, current.Language))
        {
            return;
        }

        var manifest = await store.RequireManifestAsync(current.Id, cancellationToken);
        if (manifest.Versions.Count > 1)
        {
            // Every language version says the same about the embargo; they are rendered again together so their links stay.
            await versions.RenderForPlanAsync(current.Id, manifest, plan, cancellationToken);
        }
        else
        {
            var original = await store.ReadAsync(current.Id, ReleaseBlobStore.OriginalName, cancellationToken);
            var outcome = original is null ? null : Convert(current.Id, original, plan, current.Language, manifest.Assets);
            if (outcome is not ConversionOutcome.Converted converted)
            {
                throw NotRenderedAgain(current.Id);
            }

            await StoreAsync(current.Id, manifest.Main.Source.FileName, original!, converted.Release, cancellationToken, manifest.Assets);
        }

        logger.LogInformation("Release {ReleaseId} rendered again for its plan: publish {PublishAt:o}, send {SendAt:o}", current.Id, plan.PublishAt, plan.SendAt);
    }

    internal static ReleaseProblemException NotRenderedAgain(string id) => new(
        ProblemKind.Conflict,
        $"Release {id} could not be rendered again with the new times, so nothing was changed; try again, or upload the document again as a new release.");
}
