using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Links;

/// <summary>What a signed-file request gets: the file, or why not.</summary>
public abstract record SignedFileResult
{
    private SignedFileResult()
    {
    }

    public sealed record Found(BinaryData Content, string ContentType) : SignedFileResult;

    /// <summary>The link is forged, expired, or names a file that is not a shareable variant.</summary>
    public sealed record Refused(LinkCheck Check, string Message) : SignedFileResult;
}

/// <summary>Serves a release's variant files from the private container to holders of a valid signed link.</summary>
public sealed class SignedFileReader(SignedLinks links, ReleaseBlobStore store)
{
    /// <summary>Reads <paramref name="path"/> = <c>{exp}.{sig}/{file}</c>, the part of a signed link after the release id.</summary>
    public async Task<SignedFileResult> ReadAsync(string releaseId, string path, CancellationToken cancellationToken)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (!ReleaseId.IsWellFormed(releaseId) || slash <= 0)
        {
            return new SignedFileResult.Refused(LinkCheck.Forged, "This link is not valid.");
        }

        var fileName = path[(slash + 1)..];
        switch (links.Check(releaseId, path[..slash]))
        {
            case LinkCheck.Forged:
                return new SignedFileResult.Refused(LinkCheck.Forged, "This link is not valid.");
            case LinkCheck.Expired:
                return new SignedFileResult.Refused(LinkCheck.Expired, "This link has expired; the release is on the public newsroom once its embargo lifts.");
        }

        // Only files the manifest lists as variants or images: never status.json or the original upload.
        var manifest = await store.GetManifestAsync(releaseId, cancellationToken);
        var file = manifest?.Files.FirstOrDefault(f => f.FileName == fileName);
        var contentType = file is null ? null : ServedContentType.Of(file);
        var content = contentType is null ? null : await store.ReadAsync(releaseId, fileName, cancellationToken);
        return content is null || contentType is null
            ? new SignedFileResult.Refused(LinkCheck.Forged, "This link is not valid.")
            : new SignedFileResult.Found(content, contentType);
    }
}
