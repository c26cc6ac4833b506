namespace PressPipeline.Conversion.Manifest;

/// <summary>
/// manifest.json: what a conversion produced (every file with size and SHA-256), what it understood about
/// the release, what it could not carry over, and from which source. Deterministic: the same input and
/// converter give the same bytes (no clock unless a time is passed in).
/// </summary>
public sealed record ReleaseManifest(
    string ConverterVersion,
    ManifestSource Source,
    ManifestMetadata Metadata,
    IReadOnlyList<ManifestFile> Files,
    IReadOnlyList<ManifestWarning> Warnings,
    DateTimeOffset? ConvertedAt = null);

/// <summary>The uploaded document.</summary>
public sealed record ManifestSource(string FileName, long Size, string Sha256);

/// <summary>One output file; <see cref="Path"/> is relative to the release folder.</summary>
public sealed record ManifestFile(string Path, string Variant, string ContentType, long Size, string Sha256);

/// <summary>A warning as staff see it.</summary>
public sealed record ManifestWarning(string Code, string Message);

/// <summary>The release metadata the reader detected.</summary>
public sealed record ManifestMetadata(
    string Title,
    string? Subtitle,
    string Language,
    string Direction,
    ManifestReleaseInstruction Release,
    ManifestDateline? Dateline,
    string? Organisation,
    string? EndMark);

/// <summary>The release line: kind "immediate", "embargoed", "embargoed-unparsed" or "not-stated".</summary>
/// <param name="LiftsAt">The embargo lift as a UTC instant.</param>
/// <param name="TimeZone">The IANA zone the embargo was written in.</param>
public sealed record ManifestReleaseInstruction(string Kind, string? Text, DateTimeOffset? LiftsAt = null, string? TimeZone = null);

/// <summary>The dateline; <see cref="Date"/> is ISO 8601 (yyyy-MM-dd) when it could be parsed.</summary>
public sealed record ManifestDateline(string Text, string Place, string? Date);
