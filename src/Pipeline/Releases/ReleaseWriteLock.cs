using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Releases;

/// <summary>
/// Takes a release's write lock (<see cref="ReleaseWriteLock"/>). Every change that reads manifest.json, changes
/// it and writes it back (files and translations added, a correction, a new plan rendered into the pages, the
/// blob door's settle) holds it, so two staff changing one release at the same second cannot lose each other's file.
/// </summary>
public sealed class ReleaseWriteLocks(ReleaseBlobStore store, ReleaseStatusStore statuses, IOptions<PipelineOptions> options, ILogger<ReleaseWriteLocks> logger)
{
    /// <summary>The blob service's range for a lease that ends on its own.</summary>
    private static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LongestLease = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Takes the lock of release <paramref name="id"/>, waiting while another change holds it; throws
    /// <see cref="ReleaseBusyException"/> after <see cref="PipelineOptions.ReleaseLeaseWait"/>, having changed nothing.
    /// A release that does not exist is refused first, so no lock blob is left for an id nobody uses.
    /// </summary>
    public async Task<ReleaseWriteLock> AcquireAsync(string id, CancellationToken cancellationToken)
    {
        await statuses.RequireAsync(id, cancellationToken);
        var settings = options.Value;
        var length = TimeSpan.FromSeconds(Math.Clamp(settings.ReleaseLeaseLength.TotalSeconds, ShortestLease.TotalSeconds, LongestLease.TotalSeconds));
        var blob = (await store.ContainerAsync(cancellationToken)).GetBlobClient($"{id}/{ReleaseWriteLock.LockName}");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // There already; leased or not, the lease below decides.
        }

        // A new lease id each time: a blob lease is not re-entrant, so a caller already holding this release's lock
        // must hand its ReleaseWriteLock down rather than ask again (it would wait for itself until the wait ends).
        var lease = blob.GetBlobLeaseClient();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await lease.AcquireAsync(length, cancellationToken: cancellationToken);
                return new ReleaseWriteLock(id, lease, settings.ReleaseLeaseRenewal, logger);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                if (waited.Elapsed >= settings.ReleaseLeaseWait)
                {
                    logger.LogWarning("Release {ReleaseId}: another change held its write lock for more than {Wait}; this change was not made", id, settings.ReleaseLeaseWait);
                    throw new ReleaseBusyException(id);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(100, 400)), cancellationToken);
            }
        }
    }
}

/// <summary>
/// A held write lock of one release: a blob lease on <c>releases/{id}/uploads.lock</c> (an empty blob no reader
/// lists; the name is the one the uploads door always used, so a lock held across a deployment still counts).
/// Renewed in the background while held, so a change longer than one lease (every language rendered again under
/// load) never lets a second writer in halfway; released when disposed. Methods named <c>…UnderLockAsync</c> take
/// one to say their caller holds it: the blob door's settle takes the lock once and adds translations and files
/// through them.
/// </summary>
public sealed class ReleaseWriteLock : IAsyncDisposable
{
    public const string LockName = "uploads.lock";
    private readonly BlobLeaseClient lease;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;

    internal ReleaseWriteLock(string releaseId, BlobLeaseClient lease, TimeSpan renewEvery, ILogger logger)
    {
        ReleaseId = releaseId;
        this.lease = lease;
        this.logger = logger;
        renewing = RenewAsync(renewEvery, stop.Token);
    }

    /// <summary>The release this lock is for.</summary>
    public string ReleaseId { get; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
        try
        {
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException)
        {
            // Expired or taken meanwhile: nothing to give back.
        }
    }

    private async Task RenewAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(every);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await lease.RenewAsync(cancellationToken: cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    // Expired and taken by another writer: renewing cannot help any more.
                    logger.LogError("Release {ReleaseId}: its write lock expired and another change took it before this one finished", ReleaseId);
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A passing storage error: the next tick tries again, well inside the lease's length.
                    logger.LogWarning(e, "Release {ReleaseId}: renewing its write lock failed; trying again", ReleaseId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the change is done.
        }
    }
}
