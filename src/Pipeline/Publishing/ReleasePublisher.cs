using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Publishing;

/// <summary>What a publish attempt did.</summary>
public enum PublishOutcome
{
    Published,
    AlreadyPublished,
    NotYetDue,
    NotPublishable,
}

/// <summary>
/// Makes the web page, PDF and images public by copying them to the newsroom container at the publish time.
/// Nothing is copied before that instant, whoever asks; copying again is harmless. Publishing and cancelling
/// cannot interleave: the status's ETag is taken before the copy and checked when <c>publishedAt</c> is written
/// after it; if the release was cancelled or its publish time moved meanwhile, the copies are deleted again.
/// </summary>
public sealed class ReleasePublisher(
    PressStorage storage,
    ReleaseBlobStore store,
    ReleaseStatusStore statuses,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<ReleasePublisher> logger)
{
    /// <summary>Runs between the copy and the check (tests put a cancel there to race the two deterministically).</summary>
    internal Func<CancellationToken, Task>? AfterCopy { get; set; }

    public async Task<PublishOutcome> PublishAsync(string id, CancellationToken cancellationToken)
    {
        var (status, etag) = await statuses.RequireWithETagAsync(id, cancellationToken);
        if (status.PublishedAt is not null)
        {
            return PublishOutcome.AlreadyPublished;
        }

        if (status.Plan is not { } plan || !IsPublishable(status))
        {
            logger.LogWarning("Release {ReleaseId} is {State} without a plan to publish; nothing was made public", id, status.State);
            return PublishOutcome.NotPublishable;
        }

        if (time.GetUtcNow() < plan.PublishAt)
        {
            return PublishOutcome.NotYetDue;
        }

        var copied = await CopyAsync(id, cancellationToken);

        if (AfterCopy is { } afterCopy)
        {
            await afterCopy(cancellationToken);
        }

        if (!await ConfirmAsync(status, etag, plan.PublishAt, cancellationToken))
        {
            // Cancelled or moved while we copied: take back what was copied; the release stays private.
            foreach (var blob in copied)
            {
                await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: CancellationToken.None);
            }

            logger.LogWarning("Release {ReleaseId} was cancelled or rescheduled while it was being published; the copies were removed", id);
            return PublishOutcome.NotPublishable;
        }

        logger.LogInformation("Release {ReleaseId} published ({Files} files)", id, copied.Count);
        return PublishOutcome.Published;
    }

    /// <summary>
    /// A correction of a release already public: its current variants replace the newsroom copies, and a file the
    /// corrected version no longer has is taken down. Does nothing before the release is public (the publish at its
    /// time copies the corrected files).
    /// </summary>
    public async Task<bool> RepublishAsync(string id, CancellationToken cancellationToken)
    {
        var status = await statuses.RequireAsync(id, cancellationToken);
        if (status.PublishedAt is null)
        {
            return false;
        }

        var copied = (await CopyAsync(id, cancellationToken)).Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        var newsroom = storage.Container(options.Value.NewsroomContainer);
        await foreach (var blob in newsroom.GetBlobsAsync(BlobTraits.None, BlobStates.None, id + "/", cancellationToken))
        {
            if (!copied.Contains(blob.Name))
            {
                await newsroom.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            }
        }

        logger.LogInformation("Release {ReleaseId} published again with its corrected variants ({Files} files)", id, copied.Count);
        return true;
    }

    /// <summary>Copies every public file of the manifest to the newsroom, with the content type its bytes are.</summary>
    private async Task<List<BlobClient>> CopyAsync(string id, CancellationToken cancellationToken)
    {
        var manifest = await store.RequireManifestAsync(id, cancellationToken);
        var newsroom = await storage.EnsureContainerAsync(options.Value.NewsroomContainer, cancellationToken, PublicAccessType.Blob);
        var copied = new List<BlobClient>();
        foreach (var file in manifest.PublicFiles())
        {
            if (ServedContentType.Of(file) is not { } contentType)
            {
                logger.LogWarning("Release {ReleaseId} lists {File} as an image of type {ContentType}; it was not made public", id, file.FileName, file.ContentType);
                continue;
            }

            var content = await store.ReadAsync(id, file.FileName, cancellationToken)
                ?? throw new InvalidOperationException($"Release {id} lists {file.FileName} in its manifest but the file is missing.");
            var blob = newsroom.GetBlobClient($"{id}/{file.FileName}");
            copied.Add(blob);
            await blob.UploadAsync(
                content,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
                cancellationToken);
        }

        return copied;
    }

    /// <summary>
    /// Writes publishedAt if nothing changed since <paramref name="etag"/>; if something did, writes it only when
    /// the fresh status is still publishable at the same instant (a harmless change such as Scheduled → Sending).
    /// </summary>
    private async Task<bool> ConfirmAsync(ReleaseStatus read, Azure.ETag etag, DateTimeOffset publishAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await statuses.TryReplaceAsync(Published(read, now), etag, cancellationToken))
        {
            return true;
        }

        try
        {
            var fresh = await statuses.UpdateAsync(
                read.Id,
                s => s.PublishedAt is not null
                    ? s
                    : IsPublishable(s) && s.Plan?.PublishAt == publishAt
                        ? Published(s, now)
                        : throw new ReleaseProblemException(ProblemKind.Conflict, "The release was cancelled or rescheduled while it was being published."),
                cancellationToken);
            return fresh.PublishedAt is not null;
        }
        catch (ReleaseProblemException e) when (e.Kind == ProblemKind.Conflict)
        {
            return false;
        }
    }

    private static bool IsPublishable(ReleaseStatus status) =>
        status.State is not (ReleaseState.Cancelled or ReleaseState.Rejected or ReleaseState.Received or ReleaseState.Failed);

    private static ReleaseStatus Published(ReleaseStatus status, DateTimeOffset now) =>
        status.Note(now, "Published: the web page and PDF are public.") with { PublishedAt = now };
}
