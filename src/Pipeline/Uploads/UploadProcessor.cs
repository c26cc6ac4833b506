using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>
/// Handles a blob that arrived in the uploads container (from the blob trigger, or the CLI's <c>run</c>): reads
/// the staff's instructions from the blob's metadata and an optional sidecar <c>&lt;name&gt;.json</c> (the sidecar
/// wins field by field), then hands the bytes to <see cref="ReleaseIntake"/>. A sidecar arriving after its
/// document schedules the already converted release.
/// Translations come beside their document as <c>{name}.{language}.docx</c> (<c>roundtable.docx</c>,
/// <c>roundtable.ru.docx</c>, <c>roundtable.kk.docx</c>): whichever arrives first, they end up as language versions
/// of the one release of <c>roundtable.docx</c>, and are never releases of their own while that document is there.
/// </summary>
public sealed partial class UploadProcessor(
    PressStorage storage, ReleaseIntake intake, ReleaseVersions versions, ReleaseStatusStore statuses, IOptions<PipelineOptions> options, ILogger<UploadProcessor> logger)
{
    public const string SidecarSuffix = ".json";

    /// <returns>The intake result, or null when the blob is a sidecar whose document has not arrived yet.</returns>
    public async Task<IntakeResult?> ProcessAsync(string name, Stream? content, CancellationToken cancellationToken)
    {
        var uploads = await storage.EnsureContainerAsync(options.Value.UploadsContainer, cancellationToken);
        var documentName = name.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase) ? name[..^SidecarSuffix.Length] : name;
        var document = uploads.GetBlobClient(documentName);

        IDictionary<string, string> metadata;
        try
        {
            metadata = (await document.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.LogInformation("Sidecar {Name} waits for its document {Document}", name, documentName);
            return null;
        }

        var uploader = UploadsInbox.UploaderOf(metadata);
        if (documentName == name && TranslationOf(name) is { } translation && await uploads.GetBlobClient(translation.Document).ExistsAsync(cancellationToken))
        {
            return await AddTranslationAsync(uploads, translation.Document, name, translation.Language, content, uploader, cancellationToken);
        }

        var (instructions, problem) = await ReadInstructionsAsync(uploads, documentName, metadata, cancellationToken);
        var siblings = await TranslationsBesideAsync(uploads, documentName, cancellationToken);
        try
        {
            if (documentName != name || content is null)
            {
                // Streamed, not downloaded whole: the intake reads it with a size limit before keeping any of it.
                await using var stream = await document.OpenReadAsync(cancellationToken: cancellationToken);
                return await intake.IntakeAsync(stream, documentName, instructions, cancellationToken, problem, uploader, siblings);
            }

            return await intake.IntakeAsync(content, documentName, instructions, cancellationToken, problem, uploader, siblings);
        }
        finally
        {
            foreach (var sibling in siblings)
            {
                await sibling.Content.DisposeAsync();
            }
        }
    }

    /// <summary>"roundtable.ru.docx" is the Russian translation of "roundtable.docx" (when that document is there).</summary>
    public static (string Document, string Language)? TranslationOf(string name)
    {
        var match = TranslationName().Match(name);
        return match.Success ? (match.Groups["document"].Value + ".docx", match.Groups["language"].Value.ToLowerInvariant()) : null;
    }

    /// <summary>A translation arriving after its document: added to the document's release once that is converted.</summary>
    private async Task<IntakeResult?> AddTranslationAsync(
        BlobContainerClient uploads, string documentName, string name, string language, Stream? content, Actor uploader, CancellationToken cancellationToken)
    {
        string id;
        await using (var main = await uploads.GetBlobClient(documentName).OpenReadAsync(cancellationToken: cancellationToken))
        {
            id = (await BoundedUpload.ReadAsync(main, options.Value.MaxUploadBytes, cancellationToken)).Id;
        }

        var status = await statuses.GetAsync(id, cancellationToken);
        if (status is null || !status.State.IsConvertedNotSending())
        {
            // Not converted yet: the document takes its translations along when it is (it lists them after converting).
            logger.LogInformation("Translation {Name} waits for {Document} (release {ReleaseId}, {State})", name, documentName, id, status?.State);
            return null;
        }

        await using var stream = content ?? await uploads.GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken);
        var added = await versions.AddAsync(id, [new VersionUpload(name, stream, language)], uploader, cancellationToken);
        return new IntakeResult(id, added.Status, AlreadyKnown: false, added.Problems.FirstOrDefault());
    }

    /// <summary>The translations waiting beside a document, opened for reading (the caller disposes them).</summary>
    private static async Task<IReadOnlyList<VersionUpload>> TranslationsBesideAsync(BlobContainerClient uploads, string documentName, CancellationToken cancellationToken)
    {
        if (!documentName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var found = new List<VersionUpload>();
        await foreach (var item in uploads.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, documentName[..^".docx".Length] + ".", cancellationToken))
        {
            if (TranslationOf(item.Name) is { } translation && translation.Document == documentName)
            {
                found.Add(new VersionUpload(item.Name, await uploads.GetBlobClient(item.Name).OpenReadAsync(cancellationToken: cancellationToken), translation.Language));
            }
        }

        return found;
    }

    [GeneratedRegex(@"^(?<document>.+)\.(?<language>[A-Za-z]{2,3})\.docx$", RegexOptions.IgnoreCase)]
    private static partial Regex TranslationName();

    private static async Task<(ReleaseInstructions Instructions, string? Problem)> ReadInstructionsAsync(
        BlobContainerClient uploads, string documentName, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var fromMetadata = ReleaseInstructions.FromMetadata(metadata);
        try
        {
            var sidecar = await uploads.GetBlobClient(documentName + SidecarSuffix).DownloadContentAsync(cancellationToken);
            return (fromMetadata.OverriddenBy(ReleaseInstructions.FromSidecar(sidecar.Value.Content.ToString())), null);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (fromMetadata, null);
        }
        catch (ReleaseProblemException e)
        {
            return (fromMetadata, e.Message);
        }
    }
}
