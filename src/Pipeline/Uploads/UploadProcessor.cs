using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>
/// Handles a blob that arrived in the uploads container (from the blob trigger, or the CLI's <c>run</c>): reads
/// the staff's instructions from the blob's metadata and an optional sidecar <c>&lt;name&gt;.json</c> (the sidecar
/// wins field by field), then hands the bytes to <see cref="ReleaseIntake"/>. A sidecar arriving after its
/// document schedules the already converted release.
/// </summary>
public sealed class UploadProcessor(PressStorage storage, ReleaseIntake intake, IOptions<PipelineOptions> options, ILogger<UploadProcessor> logger)
{
    public const string SidecarSuffix = ".json";

    /// <returns>The intake result, or null when the blob is a sidecar whose document has not arrived yet.</returns>
    public async Task<IntakeResult?> ProcessAsync(string name, Stream? content, CancellationToken cancellationToken)
    {
        var uploads = await storage.EnsureContainerAsync(options.Value.UploadsContainer, cancellationToken);
        var documentName = name.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase) ? name[..^SidecarSuffix.Length] : name;
        var document = uploads.GetBlobClient(documentName);

        IDictionary<string, string> metadata;
        try
        {
            metadata = (await document.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.LogInformation("Sidecar {Name} waits for its document {Document}", name, documentName);
            return null;
        }

        var (instructions, problem) = await ReadInstructionsAsync(uploads, documentName, metadata, cancellationToken);
        var uploader = UploadsInbox.UploaderOf(metadata);
        if (documentName != name || content is null)
        {
            // Streamed, not downloaded whole: the intake reads it with a size limit before keeping any of it.
            await using var stream = await document.OpenReadAsync(cancellationToken: cancellationToken);
            return await intake.IntakeAsync(stream, documentName, instructions, cancellationToken, problem, uploader);
        }

        return await intake.IntakeAsync(content, documentName, instructions, cancellationToken, problem, uploader);
    }

    private static async Task<(ReleaseInstructions Instructions, string? Problem)> ReadInstructionsAsync(
        BlobContainerClient uploads, string documentName, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var fromMetadata = ReleaseInstructions.FromMetadata(metadata);
        try
        {
            var sidecar = await uploads.GetBlobClient(documentName + SidecarSuffix).DownloadContentAsync(cancellationToken);
            return (fromMetadata.OverriddenBy(ReleaseInstructions.FromSidecar(sidecar.Value.Content.ToString())), null);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (fromMetadata, null);
        }
        catch (ReleaseProblemException e)
        {
            return (fromMetadata, e.Message);
        }
    }
}
