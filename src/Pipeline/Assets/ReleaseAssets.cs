using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion.Manifest;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Assets;

/// <summary>What adding files to a release did: the files now with it, and one sentence per file that was not added.</summary>
public sealed record AssetReport(IReadOnlyList<ManifestAsset> Added, IReadOnlyList<string> Refused);

/// <summary>
/// Adds files to a release (every door: API, CLI, blob folder or sidecar). Each file is checked on its own
/// (<see cref="AssetCheck"/>); the good ones are stored under <c>releases/{id}/assets/</c> and listed in
/// manifest.json with size and SHA-256, so the publisher copies them to the newsroom at the publish time and the
/// signed-file route serves them before it. Every language version's web page and text are then rendered again from
/// its original so they list the files, through the same links the e-mail carries. Files can be added until sending
/// starts, like a correction: the e-mail links them, so a file added after it went out would reach nobody.
/// Every door's add holds the release's write lock (<see cref="ReleaseWriteLock"/>) from reading manifest.json to
/// writing it back, so two files added at the same second both stay listed.
/// </summary>
public sealed class ReleaseAssets(
    ReleaseWriteLocks locks,
    ReleaseBlobStore store,
    ReleaseStatusStore statuses,
    ReleaseRendering rendering,
    ReleasePublisher publisher,
    TimeProvider time,
    IOptions<AssetOptions> options,
    ILogger<ReleaseAssets> logger)
{
    /// <summary>Adds the files under the release's write lock, waiting a while for another change of it to finish (<see cref="ReleaseBusyException"/> when it does not).</summary>
    /// <param name="refusedBefore">Sentences for files the door already refused without reading them (a blob larger than the limit), recorded with the rest.</param>
    public async Task<AssetReport> AddAsync(string id, IReadOnlyList<AssetUpload> uploads, Actor by, CancellationToken cancellationToken, IReadOnlyList<string>? refusedBefore = null)
    {
        await using var held = await locks.AcquireAsync(id, cancellationToken);
        return await AddUnderLockAsync(held, uploads, by, cancellationToken, refusedBefore);
    }

    /// <summary>
    /// Adds the files for a caller that already holds the release's write lock around a larger change (the blob
    /// door's settle): a blob lease is not re-entrant, so taking it again here would wait for the caller itself.
    /// </summary>
    public async Task<AssetReport> AddUnderLockAsync(ReleaseWriteLock held, IReadOnlyList<AssetUpload> uploads, Actor by, CancellationToken cancellationToken, IReadOnlyList<string>? refusedBefore = null)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(uploads);
        var id = held.ReleaseId;
        var status = await statuses.RequireAsync(id, cancellationToken);
        if (status.State.HasStartedSending())
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {id} has already gone out ({status.State}), so files can no longer be added to it; upload them with a new release.");
        }

        var manifest = await store.RequireManifestAsync(id, cancellationToken);
        var assets = manifest.Assets.ToList();
        var added = new List<ManifestAsset>();
        var refused = new List<string>(refusedBefore ?? []);
        var notes = new List<string>();
        foreach (var upload in uploads)
        {
            var (checkedAsset, refusal) = AssetCheck.Check(upload, assets.Sum(a => a.Size), options.Value);
            if (checkedAsset is null)
            {
                refused.Add(refusal!);
                continue;
            }

            var asset = checkedAsset.Asset;
            if (assets.FirstOrDefault(a => a.Sha256 == asset.Sha256) is { } same)
            {
                added.Add(same); // The same file again (a retried upload): nothing to do.
                continue;
            }

            asset = asset with { Path = Unique(asset.Path, assets) };
            await store.SaveFileAsync(id, asset.Path, asset.ContentType, checkedAsset.Content.ToMemory(), cancellationToken);
            assets.Add(asset);
            added.Add(asset);
            notes.Add($"{asset.DisplayName()} ({asset.Label()}, {AssetCheck.Megabytes(asset.Size)}{(checkedAsset.LocationRemoved ? "; GPS position removed" : "")})");
        }

        if (added.Count > 0)
        {
            // Stored in the manifest first, so the e-mail links the files even if the pages cannot be rendered again
            // now; the same files again (a retry) render them again.
            var withAssets = manifest with { Assets = assets };
            if (notes.Count > 0)
            {
                await store.SaveManifestAsync(withAssets, cancellationToken);
            }

            manifest = await rendering.ShowAssetsAsync(status, withAssets, cancellationToken);

            // Published before sending (a publish time before the send time): the newsroom's page lists them too.
            await publisher.RepublishAsync(id, cancellationToken);
        }

        if (notes.Count > 0 || refused.Count > 0)
        {
            // A refusal already in the history is not written again: the blob door looks at the same refused
            // file each time another file of the release arrives.
            await statuses.UpdateAsync(
                id,
                s =>
                {
                    var sentence = string.Join(
                        " ",
                        new[] { notes.Count > 0 ? $"Added {string.Join(", ", notes)}." : null }
                            .Concat(refused.Where(r => !s.History.Any(h => h.Message.Contains(r, StringComparison.Ordinal))))
                            .OfType<string>());
                    // status.json lists every file of the release, the assets included (as after a conversion).
                    var listed = notes.Count > 0 ? s with { Files = manifest.StoredFiles() } : s;
                    return sentence.Length == 0 ? listed : listed.Note(time.GetUtcNow(), sentence, by);
                },
                cancellationToken);
        }

        logger.LogInformation("Release {ReleaseId}: {Added} files added, {Refused} refused, by {Actor}", id, notes.Count, refused.Count, by);
        return new AssetReport(added, refused);
    }

    /// <summary>"assets/photo.jpg", else "assets/photo-2.jpg": two different files never share a name.</summary>
    private static string Unique(string path, List<ManifestAsset> existing)
    {
        var candidate = path;
        var extension = System.IO.Path.GetExtension(path);
        var stem = path[..^extension.Length];
        for (var n = 2; existing.Any(a => a.Path == candidate); n++)
        {
            candidate = $"{stem}-{n}{extension}";
        }

        return candidate;
    }
}
