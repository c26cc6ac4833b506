using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Manifest;

/// <summary>Builds the manifest of a conversion and writes it as indented UTF-8 JSON with letters unescaped.</summary>
public static class ManifestWriter
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The manifest is a file of its own, never embedded in HTML, so only what JSON itself requires is
        // escaped: letters in every script, '+' and quotes in messages stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ManifestJson.Default,
    };

    private static JsonTypeInfo<ReleaseManifest> ManifestTypeInfo { get; } = (JsonTypeInfo<ReleaseManifest>)Options.GetTypeInfo(typeof(ReleaseManifest));

    /// <summary>The converter's version: the Conversion assembly's informational version.</summary>
    public static string ConverterVersion { get; } =
        typeof(ManifestWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ManifestWriter).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Describes the source document by name, size and SHA-256.</summary>
    public static ManifestSource Describe(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.CanSeek ? content.Position : 0;
        var hash = SHA256.HashData(content);
        var size = content.CanSeek ? content.Position - start : -1;
        if (content.CanSeek)
        {
            content.Position = start;
        }

        return new ManifestSource(Path.GetFileName(fileName), size, Convert.ToHexStringLower(hash));
    }

    /// <summary>The manifest of a release with one version (what <c>presspipe convert</c> writes).</summary>
    /// <param name="convertedAt">When the conversion ran, from the caller's TimeProvider; null leaves it out.</param>
    public static ReleaseManifest Create(ConvertedRelease converted, ManifestSource source, DateTimeOffset? convertedAt = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Create(IdOf(source), [Version(converted, source, main: true)], [], convertedAt);
    }

    /// <summary>The manifest of a release with the given versions and assets.</summary>
    public static ReleaseManifest Create(
        string id,
        IReadOnlyList<ManifestVersion> versions,
        IReadOnlyList<ManifestAsset> assets,
        DateTimeOffset? convertedAt = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count(v => v.Main) != 1)
        {
            throw new ArgumentException("A release has exactly one main version.", nameof(versions));
        }

        return new ReleaseManifest(id, ConverterVersion, versions, assets, convertedAt);
    }

    /// <summary>
    /// One language version: its files (paths inside <paramref name="folder"/>) with size and SHA-256, its metadata
    /// and warnings. The language (a primary subtag: "ru") is the document's own unless staff named one.
    /// </summary>
    public static ManifestVersion Version(ConvertedRelease converted, ManifestSource source, bool main, string? language = null, string folder = "")
    {
        ArgumentNullException.ThrowIfNull(converted);
        var files = converted.Files
            .Select(f => new ManifestFile(folder + f.FileName, f.Variant, f.ContentType, f.Content.Length, Convert.ToHexStringLower(SHA256.HashData(f.Content.Span))))
            .ToList();
        var warnings = converted.Warnings.Select(w => new ManifestWarning(w.Code, w.Message) { Location = w.Location, Count = w.Count }).ToList();
        var metadata = Metadata(converted.Release.Metadata);
        return new ManifestVersion(language ?? Rendering.LanguageNames.Primary(metadata.Language), main, folder, source, metadata, files, warnings);
    }

    /// <summary>The release id the pipeline gives these bytes: the first 80 bits of their SHA-256 (see Pipeline's ReleaseId).</summary>
    public static string IdOf(ManifestSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Sha256[..Math.Min(20, source.Sha256.Length)];
    }

    public static byte[] Serialize(ReleaseManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestTypeInfo);

    public static ReleaseManifest Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, ManifestTypeInfo) ?? throw new JsonException("The manifest is empty.");

    private static ManifestMetadata Metadata(ReleaseMetadata metadata) => new(
        metadata.Title,
        metadata.Subtitle,
        metadata.Language,
        metadata.Direction == TextDirection.RightToLeft ? "rtl" : "ltr",
        metadata.Release switch
        {
            ReleaseInstruction.Immediate immediate => new ManifestReleaseInstruction("immediate", immediate.Text),
            ReleaseInstruction.Embargoed embargoed => new ManifestReleaseInstruction("embargoed", embargoed.Text, embargoed.LiftsAt.ToUniversalTime(), embargoed.TimeZoneId),
            ReleaseInstruction.EmbargoedUnparsed unparsed => new ManifestReleaseInstruction("embargoed-unparsed", unparsed.Text, Problem: unparsed.Problem),
            _ => new ManifestReleaseInstruction("not-stated", null),
        },
        metadata.Dateline is { } dateline
            ? new ManifestDateline(dateline.Text, dateline.Place, dateline.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : null,
        metadata.Organisation,
        metadata.EndMark,
        ContactEmail.Find(metadata.MediaContacts));
}

/// <summary>Source-generated JSON metadata for the manifest: no reflection at run time, so the CLI can be AOT-compiled.</summary>
[JsonSerializable(typeof(ReleaseManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
