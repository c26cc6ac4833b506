using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>An upload waiting in the uploads container.</summary>
public sealed record PendingUpload(string Name, string ETag);

/// <summary>
/// The uploads container as staff (and the CLI) use it: put a .docx with its instructions as blob metadata,
/// list what is there. The stored upload is never changed afterwards.
/// </summary>
public sealed class UploadsInbox(PressStorage storage, IOptions<PipelineOptions> options)
{
    /// <summary>Blob metadata naming who put the upload there and through which door (ASCII, escaped).</summary>
    public const string UploadedByKey = "uploadedby";
    public const string DoorKey = "uploaddoor";

    public async Task PutAsync(string name, Stream content, ReleaseInstructions instructions, CancellationToken cancellationToken, Actor? by = null)
    {
        var uploads = await storage.EnsureContainerAsync(options.Value.UploadsContainer, cancellationToken);
        var metadata = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                metadata[key] = value;
            }
        }

        Add("lists", string.Join(',', instructions.Lists));
        Add("tags", string.Join(',', instructions.Tags));
        Add("sendat", instructions.SendAt);
        Add("publishat", instructions.PublishAt);
        Add("zone", instructions.Zone);
        if (instructions.AttachPdf)
        {
            Add("attachpdf", "true");
        }

        if (by is not null)
        {
            Add(UploadedByKey, Uri.EscapeDataString(by.Name));
            Add(DoorKey, by.Door.ToString().ToLowerInvariant());
        }

        await uploads.GetBlobClient(name).UploadAsync(
            content,
            new BlobUploadOptions
            {
                Metadata = metadata,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
            },
            cancellationToken);
    }

    /// <summary>
    /// Puts a file that goes with the release of <paramref name="documentName"/> under <c>{name}.assets/</c> beside it
    /// (<see cref="UploadGroup"/>), where the document's settle finds it; its type is read from its bytes later.
    /// </summary>
    public async Task PutAssetAsync(string documentName, string fileName, Stream content, CancellationToken cancellationToken, Actor? by = null)
    {
        var uploads = await storage.EnsureContainerAsync(options.Value.UploadsContainer, cancellationToken);
        var metadata = by is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { [UploadedByKey] = Uri.EscapeDataString(by.Name), [DoorKey] = by.Door.ToString().ToLowerInvariant() };
        await uploads.GetBlobClient(UploadGroup.AssetsPrefixOf(documentName) + Path.GetFileName(fileName)).UploadAsync(
            content,
            new BlobUploadOptions { Metadata = metadata, HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" } },
            cancellationToken);
    }

    /// <summary>
    /// Who an upload's metadata names; a file dropped into the container by hand (portal, Storage Explorer) names
    /// nobody, and its door is the upload container.
    /// </summary>
    public static Actor UploaderOf(IDictionary<string, string> metadata)
    {
        var values = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
        var door = values.TryGetValue(DoorKey, out var d) && Enum.TryParse<Door>(d, ignoreCase: true, out var parsed) ? parsed : Door.Upload;
        return values.TryGetValue(UploadedByKey, out var name)
            ? Actor.Of(Uri.UnescapeDataString(name), door)
            : Actor.Of("unknown (uploads container)", door);
    }

    public async Task<IReadOnlyList<PendingUpload>> ListAsync(CancellationToken cancellationToken)
    {
        var uploads = await storage.EnsureContainerAsync(options.Value.UploadsContainer, cancellationToken);
        var found = new List<PendingUpload>();
        await foreach (var item in uploads.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
        {
            found.Add(new PendingUpload(item.Name, item.Properties.ETag?.ToString() ?? ""));
        }

        return found;
    }
}
