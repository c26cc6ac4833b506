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

    /// <summary>The manifest of a converted release.</summary>
    /// <param name="convertedAt">When the conversion ran, from the caller's TimeProvider; null leaves it out.</param>
    public static ReleaseManifest Create(ConvertedRelease converted, ManifestSource source, DateTimeOffset? convertedAt = null)
    {
        ArgumentNullException.ThrowIfNull(converted);
        var files = converted.Files
            .Select(f => new ManifestFile(f.FileName, f.Variant, f.ContentType, f.Content.Length, Convert.ToHexStringLower(SHA256.HashData(f.Content.Span))))
            .ToList();
        var warnings = converted.Warnings.Select(w => new ManifestWarning(w.Code, w.Message)).ToList();
        return new ReleaseManifest(ConverterVersion, source, Metadata(converted.Release.Metadata), files, warnings, convertedAt);
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
            ReleaseInstruction.EmbargoedUnparsed unparsed => new ManifestReleaseInstruction("embargoed-unparsed", unparsed.Text),
            _ => new ManifestReleaseInstruction("not-stated", null),
        },
        metadata.Dateline is { } dateline
            ? new ManifestDateline(dateline.Text, dateline.Place, dateline.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : null,
        metadata.Organisation,
        metadata.EndMark);
}

/// <summary>Source-generated JSON metadata for the manifest: no reflection at run time, so the CLI can be AOT-compiled.</summary>
[JsonSerializable(typeof(ReleaseManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
