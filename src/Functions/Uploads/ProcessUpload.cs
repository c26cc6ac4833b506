using Microsoft.Azure.Functions.Worker;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Functions.Uploads;

/// <summary>
/// A blob landed in <c>uploads/</c>: a .docx, its sidecar JSON, a translation (<c>{name}.{language}.docx</c>) or a file
/// that goes with it (<c>{name}.assets/…</c>); each settles its release (<see cref="UploadProcessor"/>). Event Grid source, as Flex Consumption requires; the
/// subscription must name <c>Host.Functions.ProcessUpload</c>. Bound as a Stream so large files are not copied.
/// </summary>
public sealed class ProcessUpload(UploadProcessor processor)
{
    public const string Name = "ProcessUpload";

    [Function(Name)]
    public async Task Run(
        [BlobTrigger(StorageNames.Uploads + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.Connection)] Stream upload,
        string name,
        CancellationToken cancellationToken)
    {
        var result = await processor.ProcessAsync(name, upload, cancellationToken);
        if (result?.Status.State == ReleaseState.Failed)
        {
            // Failed is recorded in status.json; throwing makes the host retry the trigger (poisonBlobThreshold),
            // and each retry converts the same bytes again.
            throw new InvalidOperationException($"Release {result.ReleaseId} could not be converted (not the document's fault); the upload trigger will retry it.");
        }
    }
}
