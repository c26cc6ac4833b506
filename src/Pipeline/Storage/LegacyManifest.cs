using PressPipeline.Conversion.Manifest;
using PressPipeline.Conversion.Results;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Storage;

/// <summary>
/// manifest.json as the pipeline wrote it before the CLI and the pipeline shared one manifest type: one version,
/// files without hashes. Releases converted then are still scheduled, sent and published, so they are read in this
/// shape and seen as a release with one main version (SHA-256 and source size unknown: empty and -1).
/// </summary>
internal sealed record LegacyManifest(
    string Id,
    string SourceName,
    string Title,
    string Language,
    string? Organisation,
    string? MediaContactEmail,
    ReleaseLine ReleaseLine,
    IReadOnlyList<StoredFile> Files,
    IReadOnlyList<ConversionWarning> Warnings,
    DateTimeOffset ConvertedAt)
{
    public ReleaseManifest Upgrade()
    {
        var release = ReleaseLine.Kind switch
        {
            ReleaseLineKind.Immediate => new ManifestReleaseInstruction("immediate", ReleaseLine.Text),
            ReleaseLineKind.Embargoed => new ManifestReleaseInstruction("embargoed", ReleaseLine.Text, ReleaseLine.LiftsAt?.ToUniversalTime(), ReleaseLine.TimeZoneId),
            ReleaseLineKind.EmbargoedUnparsed => new ManifestReleaseInstruction("embargoed-unparsed", ReleaseLine.Text, Problem: ReleaseLine.Problem),
            _ => new ManifestReleaseInstruction("not-stated", null),
        };
        var metadata = new ManifestMetadata(Title, null, Language, "ltr", release, null, Organisation, null, MediaContactEmail);
        var version = new ManifestVersion(
            Language,
            Main: true,
            Folder: string.Empty,
            new ManifestSource(SourceName, -1, string.Empty),
            metadata,
            [.. Files.Select(f => new ManifestFile(f.FileName, f.Variant, f.ContentType, f.Bytes, string.Empty))],
            [.. Warnings.Select(w => new ManifestWarning(w.Code, w.Message) { Location = w.Location, Count = w.Count })]);
        return ManifestWriter.Create(Id, [version], [], ConvertedAt);
    }
}
