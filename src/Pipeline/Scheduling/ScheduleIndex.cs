using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Scheduling;

/// <summary>
/// The schedule index the timer reads instead of listing releases: a container of empty blobs whose names
/// sort by due time. A blob lease on an entry is what lets exactly one dispatcher handle it.
/// </summary>
public sealed class ScheduleIndex(PressStorage storage, IOptions<PipelineOptions> options)
{
    /// <summary>Longest finite blob lease; one entry is handled well within it.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private readonly string containerName = options.Value.ScheduleContainer;

    public async Task AddAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(entry, cancellationToken);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Leased by a dispatcher handling the same entry right now: it is already there.
        }
    }

    /// <summary>Removes the entry if present; with a lease id only the holder can remove a leased entry.</summary>
    public async Task RemoveAsync(ScheduleEntry entry, string? leaseId, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(entry, cancellationToken);
        var conditions = leaseId is null ? null : new BlobRequestConditions { LeaseId = leaseId };
        try
        {
            await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.None, conditions, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409)
        {
            // Leased by a dispatcher: it will check the status, find the entry stale and drop it.
        }
    }

    /// <summary>Entries due at or before <paramref name="now"/>, oldest first.</summary>
    public async IAsyncEnumerable<ScheduleEntry> DueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = await storage.EnsureContainerAsync(containerName, cancellationToken);
        var horizon = ScheduleEntry.KeyOf(now);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
        {
            if (string.CompareOrdinal(item.Name[..Math.Min(horizon.Length, item.Name.Length)], horizon) > 0)
            {
                yield break;
            }

            if (ScheduleEntry.TryParse(item.Name) is { } entry)
            {
                yield return entry;
            }
        }
    }

    /// <summary>All entries of one release (for tests and the status view).</summary>
    public async Task<IReadOnlyList<ScheduleEntry>> EntriesOfAsync(string releaseId, CancellationToken cancellationToken)
    {
        var container = await storage.EnsureContainerAsync(containerName, cancellationToken);
        var entries = new List<ScheduleEntry>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
        {
            if (ScheduleEntry.TryParse(item.Name) is { } entry && entry.ReleaseId == releaseId)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>Takes the entry's lease; null when another dispatcher holds it or it is already gone.</summary>
    public async Task<string?> TryLeaseAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        var lease = (await BlobAsync(entry, cancellationToken)).GetBlobLeaseClient();
        try
        {
            return (await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken)).Value.LeaseId;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 404 or 412)
        {
            return null;
        }
    }

    public async Task ReleaseLeaseAsync(ScheduleEntry entry, string leaseId, CancellationToken cancellationToken)
    {
        var lease = (await BlobAsync(entry, cancellationToken)).GetBlobLeaseClient(leaseId);
        try
        {
            await lease.ReleaseAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409)
        {
            // Gone or expired: nothing to give back.
        }
    }

    /// <summary>
    /// Records on the entry (blob metadata <c>failures</c>, <c>lasterror</c>) that dispatching it threw, and gives its
    /// lease back so the next run tries again. Best effort: a failure to mark is swallowed, the log has the error.
    /// </summary>
    public async Task MarkFailedAsync(ScheduleEntry entry, string leaseId, string error, CancellationToken cancellationToken)
    {
        var blob = await BlobAsync(entry, cancellationToken);
        try
        {
            var properties = await blob.GetPropertiesAsync(new BlobRequestConditions { LeaseId = leaseId }, cancellationToken);
            var failures = properties.Value.Metadata.TryGetValue("failures", out var text) && int.TryParse(text, out var n) ? n : 0;
            var ascii = new string([.. error.Take(200).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
            await blob.SetMetadataAsync(
                new Dictionary<string, string> { ["failures"] = (failures + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["lasterror"] = ascii },
                new BlobRequestConditions { LeaseId = leaseId },
                cancellationToken);
        }
        catch (RequestFailedException)
        {
            // The entry is gone or its lease expired; the error is in the log either way.
        }

        await ReleaseLeaseAsync(entry, leaseId, cancellationToken);
    }

    private async Task<BlobClient> BlobAsync(ScheduleEntry entry, CancellationToken cancellationToken) =>
        (await storage.EnsureContainerAsync(containerName, cancellationToken)).GetBlobClient(entry.BlobName);
}
