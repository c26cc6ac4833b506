using Microsoft.Extensions.Options;
using PressPipeline.Conversion.Manifest;
using PressPipeline.Distribution;

namespace PressPipeline.Pipeline.Storage;

/// <summary>Distribution reads a release's e-mail, text and PDF through this, from the private release folder.</summary>
public sealed class StoredReleaseContent(ReleaseBlobStore store, IOptions<PipelineOptions> options) : IReleaseContentSource
{
    public async Task<ReleaseEmailContent> LoadAsync(string releaseId, CancellationToken cancellationToken)
    {
        var manifest = await store.RequireManifestAsync(releaseId, cancellationToken);
        return new ReleaseEmailContent(
            manifest.Title(),
            manifest.Language(),
            manifest.Main.Metadata.Organisation ?? options.Value.Organisation,
            manifest.Main.Metadata.MediaContactEmail,
            await ReadTextAsync(manifest, "email", cancellationToken),
            await ReadTextAsync(manifest, "text", cancellationToken));
    }

    public async Task<ReadOnlyMemory<byte>?> LoadPdfAsync(string releaseId, CancellationToken cancellationToken)
    {
        var manifest = await store.RequireManifestAsync(releaseId, cancellationToken);
        return manifest.FileOf("pdf") is { } pdf && await store.ReadAsync(releaseId, pdf.FileName, cancellationToken) is { } bytes
            ? bytes.ToMemory()
            : null;
    }

    private async Task<string> ReadTextAsync(ReleaseManifest manifest, string variant, CancellationToken cancellationToken)
    {
        var file = manifest.FileOf(variant)
            ?? throw new InvalidOperationException($"Release {manifest.Id} has no {variant} variant; it cannot be e-mailed.");
        var bytes = await store.ReadAsync(manifest.Id, file.FileName, cancellationToken)
            ?? throw new InvalidOperationException($"Release {manifest.Id} lists {file.FileName} but the file is missing.");
        return bytes.ToString();
    }
}
