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
/// Nothing is copied before that instant, whoever asks; copying again is harmless.
/// </summary>
public sealed class ReleasePublisher(
    PressStorage storage,
    ReleaseBlobStore store,
    ReleaseStatusStore statuses,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<ReleasePublisher> logger)
{
    public async Task<PublishOutcome> PublishAsync(string id, CancellationToken cancellationToken)
    {
        var status = await statuses.RequireAsync(id, cancellationToken);
        if (status.PublishedAt is not null)
        {
            return PublishOutcome.AlreadyPublished;
        }

        if (status.Plan is not { } plan || status.State is ReleaseState.Cancelled or ReleaseState.Rejected or ReleaseState.Received or ReleaseState.Failed)
        {
            logger.LogWarning("Release {ReleaseId} is {State} without a plan to publish; nothing was made public", id, status.State);
            return PublishOutcome.NotPublishable;
        }

        if (time.GetUtcNow() < plan.PublishAt)
        {
            return PublishOutcome.NotYetDue;
        }

        var manifest = await store.RequireManifestAsync(id, cancellationToken);
        var newsroom = await storage.EnsureContainerAsync(options.Value.NewsroomContainer, cancellationToken, PublicAccessType.Blob);
        foreach (var file in manifest.PublicFiles)
        {
            if (ServedContentType.Of(file) is not { } contentType)
            {
                logger.LogWarning("Release {ReleaseId} lists {File} as an image of type {ContentType}; it was not made public", id, file.FileName, file.ContentType);
                continue;
            }

            var content = await store.ReadAsync(id, file.FileName, cancellationToken)
                ?? throw new InvalidOperationException($"Release {id} lists {file.FileName} in its manifest but the file is missing.");
            await newsroom.GetBlobClient($"{id}/{file.FileName}").UploadAsync(
                content,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
                cancellationToken);
        }

        await statuses.UpdateAsync(
            id,
            s => s.PublishedAt is not null ? s : s.Note(time.GetUtcNow(), "Published: the web page and PDF are public.") with { PublishedAt = time.GetUtcNow() },
            cancellationToken);
        logger.LogInformation("Release {ReleaseId} published ({Files} files)", id, manifest.PublicFiles.Count());
        return PublishOutcome.Published;
    }
}
