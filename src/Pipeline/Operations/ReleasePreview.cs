using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Operations;

/// <summary>One stored file of a release with a signed link staff can open now, and its public link once published.</summary>
/// <param name="Language">The language version the file belongs to ("en", "ru"); null for a release with one version.</param>
public sealed record PreviewFile(string Variant, string FileName, string ContentType, long Bytes, Uri Link, Uri? PublicLink, string? Language = null);

/// <summary>What staff check before sending: every variant with its link, the conversion warnings, the times, the subject line.</summary>
/// <param name="LinksExpireAt">When the signed links stop working.</param>
/// <param name="Languages">Every language version, the main one first; each version's files are in <paramref name="Files"/>.</param>
public sealed record ReleasePreview(
    string Id,
    string? Title,
    ReleaseState State,
    int Version,
    string? SendAtLocal,
    string? PublishAtLocal,
    string? TimeZoneId,
    IReadOnlyList<PreviewFile> Files,
    IReadOnlyList<StatusWarning> Warnings,
    DateTimeOffset LinksExpireAt,
    EmailSummary Email,
    IReadOnlyList<string> Languages)
{
    public static ReleasePreview Of(ReleaseView view, DateTimeOffset linksExpireAt, EmailSummary email)
    {
        var status = view.Status;
        return new ReleasePreview(
            status.Id,
            status.Title,
            status.State,
            status.Version,
            view.SendAtLocal,
            view.PublishAtLocal,
            status.Plan?.TimeZoneId,
            [.. status.Files.Select(f => new PreviewFile(f.Variant, f.FileName, f.ContentType, f.Bytes, view.Preview[f.FileName], view.Public.GetValueOrDefault(f.FileName), LanguageOf(status, f.FileName)))],
            status.Warnings,
            linksExpireAt,
            email,
            status.Languages);
    }

    /// <summary>A translation's files sit in a folder named after its language; the main version's at the root.</summary>
    private static string? LanguageOf(ReleaseStatus status, string fileName) =>
        status.Languages.Count < 2
            ? null
            : status.Languages.Skip(1).FirstOrDefault(l => fileName.StartsWith(l + "/", StringComparison.Ordinal)) ?? status.Languages[0];
}
