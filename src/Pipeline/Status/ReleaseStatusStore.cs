using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Status;

/// <summary>
/// status.json with optimistic concurrency: every change reads the blob and its ETag, applies a pure change and
/// writes back only if nobody wrote in between (If-Match); on a conflict it reads again and re-applies. Two
/// writers never lose each other's events, and a state transition decided on stale data never lands.
/// </summary>
public sealed class ReleaseStatusStore(PressStorage storage, IOptions<PipelineOptions> options, ILogger<ReleaseStatusStore> logger)
{
    public const string StatusName = "status.json";
    private const int MaxAttempts = 12;

    private readonly string containerName = options.Value.ReleasesContainer;

    /// <summary>Writes the first status; false when the release already has one (the upload was seen before).</summary>
    public async Task<bool> TryCreateAsync(ReleaseStatus status, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(status.Id, cancellationToken);
        try
        {
            await blob.UploadAsync(Serialize(status), Options(new BlobRequestConditions { IfNoneMatch = ETag.All }), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<ReleaseStatus?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ReadAsync(id, cancellationToken))?.Status;

    /// <summary>The status with its ETag, for work that must know afterwards whether anything changed meanwhile.</summary>
    public async Task<(ReleaseStatus Status, ETag ETag)> RequireWithETagAsync(string id, CancellationToken cancellationToken) =>
        await ReadAsync(id, cancellationToken) ?? throw ReleaseProblemException.NotFound(id);

    /// <summary>Writes <paramref name="status"/> only if status.json still has <paramref name="etag"/>; false when it changed.</summary>
    public async Task<bool> TryReplaceAsync(ReleaseStatus status, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await (await BlobAsync(status.Id, cancellationToken)).UploadAsync(Serialize(status), Options(new BlobRequestConditions { IfMatch = etag }), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    public async Task<ReleaseStatus> RequireAsync(string id, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) ?? throw ReleaseProblemException.NotFound(id);

    /// <summary>
    /// Applies <paramref name="change"/> to the current status and writes it if the blob has not changed since
    /// it was read; otherwise retries with the fresh status. Returning the same instance means "no change".
    /// Problems thrown by the change (e.g. a forbidden transition) propagate unchanged.
    /// </summary>
    public async Task<ReleaseStatus> UpdateAsync(string id, Func<ReleaseStatus, ReleaseStatus> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadAsync(id, cancellationToken) ?? throw ReleaseProblemException.NotFound(id);
            var next = change(current.Status);
            if (ReferenceEquals(next, current.Status))
            {
                return next;
            }

            try
            {
                var blob = await BlobAsync(id, cancellationToken);
                await blob.UploadAsync(Serialize(next), Options(new BlobRequestConditions { IfMatch = current.ETag }), cancellationToken);
                return next;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < MaxAttempts)
            {
                logger.LogDebug("status.json of {ReleaseId} changed underneath (attempt {Attempt}); re-applying the change", id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    /// <summary>The most recently changed releases, newest first (lists the release folders; for the API and CLI, not the timer).</summary>
    public async Task<IReadOnlyList<ReleaseStatus>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var container = await storage.EnsureContainerAsync(containerName, cancellationToken);
        var found = new List<(DateTimeOffset Modified, string Id)>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
        {
            if (item.Name.EndsWith("/" + StatusName, StringComparison.Ordinal))
            {
                found.Add((item.Properties.LastModified ?? DateTimeOffset.MinValue, item.Name[..item.Name.IndexOf('/', StringComparison.Ordinal)]));
            }
        }

        var statuses = new List<ReleaseStatus>();
        foreach (var (_, id) in found.OrderByDescending(f => f.Modified).Take(count))
        {
            if (await GetAsync(id, cancellationToken) is { } status)
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }

    private async Task<(ReleaseStatus Status, ETag ETag)?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(id, cancellationToken);
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            var status = JsonSerializer.Deserialize(download.Value.Content.ToMemory().Span, PipelineJson.TypeInfo<ReleaseStatus>())
                ?? throw new InvalidDataException($"status.json of {id} is empty.");
            return (status, download.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<BlobClient> BlobAsync(string id, CancellationToken cancellationToken) =>
        (await storage.EnsureContainerAsync(containerName, cancellationToken)).GetBlobClient($"{id}/{StatusName}");

    private static BinaryData Serialize(ReleaseStatus status) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(status, PipelineJson.TypeInfo<ReleaseStatus>()));

    private static BlobUploadOptions Options(BlobRequestConditions conditions) => new()
    {
        Conditions = conditions,
        HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
    };
}
