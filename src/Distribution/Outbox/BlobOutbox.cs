using Azure.Storage.Blobs;

namespace PressPipeline.Distribution.Outbox;

/// <summary>The outbox as a blob container (the Functions app without a SendGrid key).</summary>
public sealed class BlobOutbox(BlobContainerClient container) : IOutbox
{
    private readonly Lazy<Task> _created = new(() => container.CreateIfNotExistsAsync());

    public string Location => container.Uri.ToString();

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await _created.Value;
        await container.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken);
    }
}
