using Microsoft.Azure.Functions.Worker;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Functions.Uploads;

/// <summary>
/// A .docx (or its sidecar JSON) landed in <c>uploads/</c>. Event Grid source, as Flex Consumption requires; the
/// subscription must name <c>Host.Functions.ProcessUpload</c>. Bound as a Stream so large files are not copied.
/// </summary>
public sealed class ProcessUpload(UploadProcessor processor)
{
    public const string Name = "ProcessUpload";

    [Function(Name)]
    public async Task Run(
        [BlobTrigger(StorageNames.Uploads + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.Connection)] Stream upload,
        string name,
        CancellationToken cancellationToken) =>
        await processor.ProcessAsync(name, upload, cancellationToken);
}
