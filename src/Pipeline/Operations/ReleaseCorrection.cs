using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Operations;

/// <summary>
/// A corrected version of a release that has not started sending: the new document is converted into the same
/// release (same id, same links, same schedule), replacing the variants; the previous original is kept under
/// <c>versions/</c>, the version number goes up, and an approval of the old version no longer counts.
/// A correction after sending ("CORRECTED: …" to the same recipients) is not built yet and is refused with a sentence.
/// </summary>
public sealed class ReleaseCorrection(
    ReleaseIntake intake,
    ReleaseBlobStore store,
    ReleaseStatusStore statuses,
    TimeProvider time,
    ILogger<ReleaseCorrection> logger)
{
    public async Task<ReleaseStatus> CorrectAsync(string id, Stream document, string sourceName, Actor by, CancellationToken cancellationToken)
    {
        var current = await statuses.RequireAsync(id, cancellationToken);
        Refuse(current);

        var content = await intake.ReadCorrectionAsync(document, cancellationToken);
        var before = await store.RequireManifestAsync(id, cancellationToken);
        if (await store.ReadAsync(id, ReleaseBlobStore.OriginalName, cancellationToken) is { } previous)
        {
            await store.SaveFileAsync(id, $"versions/v{current.Version}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", previous.ToMemory(), cancellationToken);
        }

        var manifest = await intake.ConvertCorrectionAsync(id, content, sourceName, cancellationToken);
        if (before.Assets.Count > 0 && manifest.Assets.Count == 0)
        {
            // The files staff added go with the release, not with one version of its document.
            manifest = manifest with { Assets = before.Assets };
            await store.SaveManifestAsync(manifest, cancellationToken);
        }

        await store.SaveOriginalAsync(id, content, sourceName, cancellationToken);
        foreach (var gone in before.StoredFiles().Select(f => f.FileName).Except(manifest.StoredFiles().Select(f => f.FileName), StringComparer.Ordinal))
        {
            await (await store.FileAsync(id, gone, cancellationToken)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }

        var updated = await statuses.UpdateAsync(
            id,
            status =>
            {
                var version = status.Version + 1;
                var sentence = status.State.HasStartedSending()
                    ? $"Corrected to version {version} from {sourceName} while sending had already started; some journalists may have received version {status.Version}."
                    : $"Corrected: version {version} from {sourceName} replaces the variants"
                      + (status.Approval is null ? "." : "; the approval of the previous version no longer counts.");
                return status.Note(time.GetUtcNow(), sentence, by) with
                {
                    Version = version,
                    Title = manifest.Title(),
                    Language = manifest.Language(),
                    Warnings = manifest.WarningSentences(),
                    Files = manifest.StoredFiles(),
                    ReleaseLine = manifest.ReleaseLine(),
                    Approval = null,
                };
            },
            cancellationToken);
        logger.LogInformation("Release {ReleaseId} corrected to version {Version} by {Actor}", id, updated.Version, by);
        return updated;
    }

    private static void Refuse(ReleaseStatus status)
    {
        if (status.State.HasStartedSending())
        {
            throw new ReleaseProblemException(
                ProblemKind.Conflict,
                $"Release {status.Id} has already gone out ({status.State}); sending a correction to the same recipients is not available yet, so upload the corrected file as a new release.");
        }

        if (status.State is ReleaseState.Received or ReleaseState.Rejected)
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {status.Id} is {status.State}, so there is nothing to correct; upload the corrected file as a new release.");
        }
    }
}
