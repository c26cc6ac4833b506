using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Links;

/// <summary>What a signed-file request gets: the file, where it lives now, or why not.</summary>
public abstract record SignedFileResult
{
    private SignedFileResult()
    {
    }

    public sealed record Found(BinaryData Content, string ContentType) : SignedFileResult;

    /// <summary>The release is public: the file's permanent public address (answered with a 308).</summary>
    public sealed record Moved(Uri PublicUrl) : SignedFileResult;

    /// <summary>The link is forged, expired, or names a file that is not a shareable variant.</summary>
    public sealed record Refused(LinkCheck Check, string Message) : SignedFileResult;
}

/// <summary>
/// The one route every link a message carries goes through (<c>/api/files/{id}/{grant}/{file}</c>). Before the
/// release is published it serves the file from the private container to the holder of a valid signed link; once
/// the web page, PDF and images are in the newsroom it redirects there for good, so a link in an e-mail works
/// before, at and years after the lift (and after a signing-secret rotation, since the target is public anyway).
/// </summary>
public sealed class SignedFileReader(SignedLinks links, ReleaseBlobStore store, ReleaseStatusStore statuses, NewsroomUrls newsroom)
{
    /// <summary>Reads <paramref name="path"/> = <c>{exp}.{sig}/{file}</c>, the part of a signed link after the release id.</summary>
    public async Task<SignedFileResult> ReadAsync(string releaseId, string path, CancellationToken cancellationToken)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (!ReleaseId.IsWellFormed(releaseId) || slash <= 0)
        {
            return new SignedFileResult.Refused(LinkCheck.Forged, "This link is not valid.");
        }

        // Only files the manifest lists as variants, images or added files: never status.json or the original upload.
        var fileName = path[(slash + 1)..];
        var manifest = await store.GetManifestAsync(releaseId, cancellationToken);
        var file = manifest?.StoredFiles().FirstOrDefault(f => f.FileName == fileName);
        if (manifest is null || file is null)
        {
            return new SignedFileResult.Refused(LinkCheck.Forged, "This link is not valid.");
        }

        if (manifest.PublicFiles().Contains(file) && (await statuses.GetAsync(releaseId, cancellationToken))?.PublishedAt is not null)
        {
            return new SignedFileResult.Moved(newsroom.FileOf(releaseId, fileName));
        }

        switch (links.Check(releaseId, path[..slash]))
        {
            case LinkCheck.Forged:
                return new SignedFileResult.Refused(LinkCheck.Forged, "This link is not valid.");
            case LinkCheck.Expired:
                return new SignedFileResult.Refused(LinkCheck.Expired, "This preview link has expired; open the release again to get a new one.");
        }

        // Pictures only as the raster type their bytes were sniffed as (older manifests may list other types).
        var contentType = ServedContentType.Of(file);
        var content = contentType is null ? null : await store.ReadAsync(releaseId, fileName, cancellationToken);
        return content is null || contentType is null
            ? new SignedFileResult.Refused(LinkCheck.Forged, "This link is not valid.")
            : new SignedFileResult.Found(content, contentType);
    }
}
