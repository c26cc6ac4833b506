using System.Text.Json.Serialization;

namespace PressPipeline.Conversion.Manifest;

/// <summary>
/// manifest.json, the one description of a release that the CLI (<c>presspipe convert</c>) and the pipeline both
/// write through <see cref="ManifestWriter"/>: the release id, every language version (its source, what the reader
/// understood, every file it produced with size and SHA-256, what it could not carry over) and the files staff
/// attached (assets). Deterministic: the same inputs and converter give the same bytes (no clock unless a time is
/// passed in).
/// </summary>
/// <param name="Id">The release id: the first 80 bits of the main version's SHA-256, as the pipeline names the release.</param>
/// <param name="Versions">Every language version; exactly one is <see cref="ManifestVersion.Main"/>.</param>
/// <param name="Assets">Files attached to the release (bibliography, photos, data sheets); empty when none.</param>
public sealed record ReleaseManifest(
    string Id,
    string ConverterVersion,
    IReadOnlyList<ManifestVersion> Versions,
    IReadOnlyList<ManifestAsset> Assets,
    DateTimeOffset? ConvertedAt = null)
{
    /// <summary>The main version: the one contacts without a matching language get.</summary>
    [JsonIgnore]
    public ManifestVersion Main => Versions.FirstOrDefault(v => v.Main) ?? Versions[0];

    /// <summary>The version in exactly this language (a BCP 47 tag, compared without regard to case), if any.</summary>
    public ManifestVersion? VersionIn(string language) =>
        Versions.FirstOrDefault(v => string.Equals(v.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every file of every version, main version first.</summary>
    [JsonIgnore]
    public IEnumerable<ManifestFile> AllFiles => Versions.OrderByDescending(v => v.Main).SelectMany(v => v.Files);
}

/// <summary>One language version of the release: one uploaded document and what it became.</summary>
/// <param name="Language">The version's language as a BCP 47 tag ("en", "ru", "kk"); contacts are routed by it.</param>
/// <param name="Main">True for the version contacts without a matching language get.</param>
/// <param name="Folder">Where its files live inside the release folder: "" for the main version, "{language}/" for the others.</param>
/// <param name="Files">Its variants and images; <see cref="ManifestFile.Path"/> includes <paramref name="Folder"/>.</param>
public sealed record ManifestVersion(
    string Language,
    bool Main,
    string Folder,
    ManifestSource Source,
    ManifestMetadata Metadata,
    IReadOnlyList<ManifestFile> Files,
    IReadOnlyList<ManifestWarning> Warnings)
{
    /// <summary>The first file of a variant ("web", "email", "text", "pdf"), if it was produced.</summary>
    public ManifestFile? FileOf(string variant) => Files.FirstOrDefault(f => f.Variant == variant);
}

/// <summary>A file staff attached to the release, stored beside the variants under <see cref="Path"/>.</summary>
public sealed record ManifestAsset(string Name, string Path, string ContentType, long Size, string Sha256);

/// <summary>The uploaded document.</summary>
public sealed record ManifestSource(string FileName, long Size, string Sha256);

/// <summary>One output file; <see cref="Path"/> is relative to the release folder.</summary>
public sealed record ManifestFile(string Path, string Variant, string ContentType, long Size, string Sha256);

/// <summary>A warning as staff see it: what, where in the document (null for the whole document) and how many times there.</summary>
public sealed record ManifestWarning(string Code, string Message)
{
    public Results.WarningLocation? Location { get; init; }

    public int Count { get; init; } = 1;
}

/// <summary>The release metadata the reader detected.</summary>
/// <param name="MediaContactEmail">The first address in the media-contacts block, used as the e-mail's reply-to.</param>
public sealed record ManifestMetadata(
    string Title,
    string? Subtitle,
    string Language,
    string Direction,
    ManifestReleaseInstruction Release,
    ManifestDateline? Dateline,
    string? Organisation,
    string? EndMark,
    string? MediaContactEmail = null);

/// <summary>The release line: kind "immediate", "embargoed", "embargoed-unparsed" or "not-stated".</summary>
/// <param name="LiftsAt">The embargo lift as a UTC instant.</param>
/// <param name="TimeZone">The IANA zone the embargo was written in.</param>
/// <param name="Problem">Why an embargo line could not be read, for the sentence staff see.</param>
public sealed record ManifestReleaseInstruction(string Kind, string? Text, DateTimeOffset? LiftsAt = null, string? TimeZone = null, string? Problem = null);

/// <summary>The dateline; <see cref="Date"/> is ISO 8601 (yyyy-MM-dd) when it could be parsed.</summary>
public sealed record ManifestDateline(string Text, string Place, string? Date);
