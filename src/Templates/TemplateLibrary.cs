using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PressPipeline.Templates;

/// <summary>
/// Finds templates, style sheets and labels by name ("web/page.liquid", "styles/web.css"). The files are
/// embedded in this assembly so every host renders the same look; an override folder lets an operator
/// change the look without a build: a file there with the same relative name wins.
/// </summary>
public sealed class TemplateLibrary
{
    private static readonly Assembly Self = typeof(TemplateLibrary).Assembly;
    private readonly string? overrideDirectory;
    private readonly ConcurrentDictionary<string, string> texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Dictionary<string, string>> zones = new(StringComparer.OrdinalIgnoreCase);
    private LabelFile? labelFile;

    /// <param name="overrideDirectory">Folder whose files replace the embedded ones of the same name; null for none.</param>
    public TemplateLibrary(string? overrideDirectory = null)
    {
        this.overrideDirectory = overrideDirectory;
    }

    /// <summary>The templates shipped in this assembly, without overrides.</summary>
    public static TemplateLibrary Embedded { get; } = new();

    /// <summary>Identifies this library for caches of parsed templates (same folder, same templates).</summary>
    public string CacheKey => overrideDirectory ?? "<embedded>";

    /// <summary>Every embedded file name, e.g. "web/page.liquid".</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } = [.. Self.GetManifestResourceNames().Order(StringComparer.Ordinal)];

    /// <summary>The text of a template or style sheet; read once, then served from memory.</summary>
    /// <exception cref="FileNotFoundException">No file of that name is embedded or overridden.</exception>
    public string Read(string name) => texts.GetOrAdd(name, Load);

    /// <summary>
    /// Labels ("About", "Media contacts", "EMBARGOED until") for a BCP 47 language, falling back from
    /// "ru-RU" to "ru" to English for each missing key.
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels(string language) => labels.GetOrAdd(language, LoadLabels);

    /// <summary>
    /// The label keys written for exactly this language in labels/labels.json (no fallback), so a test can
    /// check that every language has every English key: a missing one would silently show English.
    /// </summary>
    public IReadOnlyCollection<string> LabelKeysWrittenFor(string language) =>
        LabelData().Labels.TryGetValue(language, out var written) ? written.Keys : [];

    /// <summary>The languages labels/labels.json writes labels for ("en", "ru", "kk").</summary>
    public IReadOnlyCollection<string> LabelLanguages => LabelData().Labels.Keys;

    /// <summary>
    /// The place people name an IANA zone by in a language other than English, in the form that language's
    /// "zone_region" label needs ("Asia/Almaty" is "Астаны" in Russian, for "по времени Астаны"; "Астана" in
    /// Kazakh); null when the labels have no translation (the English names are in the Conversion zone table).
    /// </summary>
    public string? ZonePlace(string timeZoneId, string language)
    {
        var names = zones.GetOrAdd(language, LoadZones);
        return names.TryGetValue(timeZoneId, out var place) ? place : null;
    }

    private string Load(string name)
    {
        if (overrideDirectory is not null)
        {
            var path = Path.GetFullPath(Path.Combine(overrideDirectory, name));
            var root = Path.GetFullPath(overrideDirectory) + Path.DirectorySeparatorChar;
            if (path.StartsWith(root, StringComparison.Ordinal) && File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        using var stream = Self.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"The template '{name}' is not part of the template library.", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private LabelFile LabelData() => labelFile ??= JsonSerializer.Deserialize(Read("labels/labels.json"), TemplateJson.Default.LabelFile)
        ?? throw new InvalidDataException("labels/labels.json is empty.");

    private Dictionary<string, string> LoadLabels(string language) => Merge(LabelData().Labels, language);

    private Dictionary<string, string> LoadZones(string language) => Merge(LabelData().Zones, language);

    /// <summary>English first, then the primary language ("ru"), then the full tag ("ru-RU"), each overriding.</summary>
    private static Dictionary<string, string> Merge(Dictionary<string, Dictionary<string, string>> byLanguage, string language)
    {
        var result = new Dictionary<string, string>(byLanguage.GetValueOrDefault("en") ?? [], StringComparer.Ordinal);
        foreach (var key in new[] { language.Split('-')[0], language })
        {
            if (byLanguage.TryGetValue(key.ToLowerInvariant(), out var localized))
            {
                foreach (var (label, text) in localized)
                {
                    result[label] = text;
                }
            }
        }

        return result;
    }

    internal sealed record LabelFile(
        [property: JsonPropertyName("labels")] Dictionary<string, Dictionary<string, string>> Labels,
        [property: JsonPropertyName("zones")] Dictionary<string, Dictionary<string, string>> Zones);
}

/// <summary>Source-generated JSON metadata for the label file, so no reflection is needed at run time (and the CLI can be AOT-compiled).</summary>
[JsonSerializable(typeof(TemplateLibrary.LabelFile))]
internal sealed partial class TemplateJson : JsonSerializerContext;
