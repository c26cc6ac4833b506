using Microsoft.Extensions.Options;
using PressPipeline.Conversion.Manifest;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Links;

namespace PressPipeline.Pipeline.Storage;

/// <summary>
/// Distribution reads a release's e-mail, text and PDF through this, from the private release folder: the main
/// version, or the version in a contact's language with its own web page and PDF links.
/// </summary>
public sealed class StoredReleaseContent(ReleaseBlobStore store, SignedLinks links, IOptions<PipelineOptions> options) : IReleaseContentSource
{
    public async Task<ReleaseEmailContent> LoadAsync(string releaseId, CancellationToken cancellationToken)
    {
        var manifest = await store.RequireManifestAsync(releaseId, cancellationToken);
        return await ContentAsync(manifest, manifest.Main, cancellationToken);
    }

    public async Task<ReadOnlyMemory<byte>?> LoadPdfAsync(string releaseId, CancellationToken cancellationToken)
    {
        var manifest = await store.RequireManifestAsync(releaseId, cancellationToken);
        return await PdfAsync(manifest, manifest.Main, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> LanguagesAsync(string releaseId, CancellationToken cancellationToken)
    {
        var manifest = await store.RequireManifestAsync(releaseId, cancellationToken);
        return [.. manifest.Versions.OrderByDescending(v => v.Main).Select(v => v.Language)];
    }

    public async Task<ReleaseEmailContent> LoadAsync(string releaseId, string language, CancellationToken cancellationToken)
    {
        var manifest = await store.RequireManifestAsync(releaseId, cancellationToken);
        return await ContentAsync(manifest, manifest.VersionIn(language) ?? manifest.Main, cancellationToken);
    }

    public async Task<ReadOnlyMemory<byte>?> LoadPdfAsync(string releaseId, string language, CancellationToken cancellationToken)
    {
        var manifest = await store.RequireManifestAsync(releaseId, cancellationToken);
        return await PdfAsync(manifest, manifest.VersionIn(language) ?? manifest.Main, cancellationToken);
    }

    private async Task<ReleaseEmailContent> ContentAsync(ReleaseManifest manifest, ManifestVersion version, CancellationToken cancellationToken) => new(
        version.Metadata.Title,
        version.Metadata.Language,
        version.Metadata.Organisation ?? manifest.Main.Metadata.Organisation ?? options.Value.Organisation,
        version.Metadata.MediaContactEmail ?? manifest.Main.Metadata.MediaContactEmail,
        await ReadTextAsync(manifest, version, "email", cancellationToken),
        await ReadTextAsync(manifest, version, "text", cancellationToken),
        version.Main ? null : Link(manifest, version, "web"),
        version.Main ? null : Link(manifest, version, "pdf"));

    private Uri? Link(ReleaseManifest manifest, ManifestVersion version, string variant) =>
        version.FileOf(variant) is { } file ? links.Create(manifest.Id, file.Path) : null;

    private async Task<ReadOnlyMemory<byte>?> PdfAsync(ReleaseManifest manifest, ManifestVersion version, CancellationToken cancellationToken) =>
        version.FileOf("pdf") is { } pdf && await store.ReadAsync(manifest.Id, pdf.Path, cancellationToken) is { } bytes
            ? bytes.ToMemory()
            : null;

    private async Task<string> ReadTextAsync(ReleaseManifest manifest, ManifestVersion version, string variant, CancellationToken cancellationToken)
    {
        var file = version.FileOf(variant)
            ?? throw new InvalidOperationException($"Release {manifest.Id} has no {variant} variant in {version.Language}; it cannot be e-mailed.");
        var bytes = await store.ReadAsync(manifest.Id, file.Path, cancellationToken)
            ?? throw new InvalidOperationException($"Release {manifest.Id} lists {file.Path} but the file is missing.");
        return bytes.ToString();
    }
}
