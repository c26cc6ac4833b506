using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>
/// One settle at a time per release: the blobs of a folder upload arrive together, and each one's event settles
/// the whole release (adds the translations and files present, then schedules). Two settles at once would each
/// write manifest.json from what they read and lose the other's file, so each holds a blob lease on
/// <c>releases/{id}/uploads.lock</c> (an empty blob no reader lists) while it works.
/// </summary>
public sealed class UploadGroupLock : IAsyncDisposable
{
    public const string LockName = "uploads.lock";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private readonly BlobLeaseClient lease;

    private UploadGroupLock(BlobLeaseClient lease) => this.lease = lease;

    /// <summary>Takes the lease, waiting while another settle of the same release holds it (at most a lease's length and a bit).</summary>
    public static async Task<UploadGroupLock> AcquireAsync(BlobContainerClient releases, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var blob = releases.GetBlobClient($"{id}/{LockName}");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // There already; leased or not, the lease below decides.
        }

        var lease = blob.GetBlobLeaseClient();
        var giveUp = DateTimeOffset.UtcNow + Lease + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await lease.AcquireAsync(Lease, cancellationToken: cancellationToken);
                return new UploadGroupLock(lease);
            }
            catch (RequestFailedException e) when (e.Status == 409 && DateTimeOffset.UtcNow < giveUp)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(100, 400)), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException)
        {
            // Expired or taken meanwhile: nothing to give back.
        }
    }
}
