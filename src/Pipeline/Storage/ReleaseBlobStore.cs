using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using PressPipeline.Conversion.Manifest;

namespace PressPipeline.Pipeline.Storage;

/// <summary>
/// The private release folder <c>releases/{id}/</c>: original.docx (the bytes as uploaded), every variant and
/// image under the file name the renderer chose, and manifest.json. status.json lives here too (see
/// <see cref="Status.ReleaseStatusStore"/>).
/// </summary>
public sealed class ReleaseBlobStore(PressStorage storage, IOptions<PipelineOptions> options)
{
    public const string OriginalName = "original.docx";
    public const string ManifestName = "manifest.json";

    private readonly string containerName = options.Value.ReleasesContainer;

    public Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken) =>
        storage.EnsureContainerAsync(containerName, cancellationToken);

    public async Task SaveOriginalAsync(string id, BinaryData content, string sourceName, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(cancellationToken)).GetBlobClient($"{id}/{OriginalName}");
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
            // Metadata values must be ASCII; the source name is kept readable in status.json instead.
            Metadata = new Dictionary<string, string> { ["sourcename"] = Uri.EscapeDataString(sourceName) },
        };
        await blob.UploadAsync(content, upload, cancellationToken);
    }

    public async Task SaveFileAsync(string id, string fileName, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(cancellationToken)).GetBlobClient($"{id}/{fileName}");
        await blob.UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
    }

    public Task SaveManifestAsync(ReleaseManifest manifest, CancellationToken cancellationToken) =>
        SaveFileAsync(manifest.Id, ManifestName, "application/json", ManifestWriter.Serialize(manifest), cancellationToken);

    public async Task<ReleaseManifest?> GetManifestAsync(string id, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(id, ManifestName, cancellationToken);
        if (bytes is null)
        {
            return null;
        }

        // A manifest without versions was written before the CLI and the pipeline shared one type.
        var manifest = ManifestWriter.Deserialize(bytes.ToMemory().Span);
        return manifest.Versions is null
            ? JsonSerializer.Deserialize(bytes.ToMemory().Span, PipelineJson.TypeInfo<LegacyManifest>())?.Upgrade()
            : manifest;
    }

    public async Task<ReleaseManifest> RequireManifestAsync(string id, CancellationToken cancellationToken) =>
        await GetManifestAsync(id, cancellationToken)
        ?? throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {id} has not been converted, so it has no variants yet.");

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    public async Task<BinaryData?> ReadAsync(string id, string fileName, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(cancellationToken)).GetBlobClient($"{id}/{fileName}");
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<BlobClient> FileAsync(string id, string fileName, CancellationToken cancellationToken) =>
        (await ContainerAsync(cancellationToken)).GetBlobClient($"{id}/{fileName}");
}
