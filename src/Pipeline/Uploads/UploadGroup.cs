using System.Text.Json;
using System.Text.RegularExpressions;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>
/// The blobs of one release in the uploads container, told apart by their names alone (they arrive one at a time,
/// in any order): the document <c>{name}.docx</c>, its sidecar <c>{name}.docx.json</c>, its translations
/// <c>{name}.{language}.docx</c> and its files under <c>{name}.assets/</c>. The same names work inside a folder
/// (<c>roundtable/roundtable.docx</c>, <c>roundtable/roundtable.assets/photo.jpg</c>), so a synced folder is one group.
/// </summary>
public static partial class UploadGroup
{
    public const string AssetsSuffix = ".assets/";

    /// <summary>"roundtable.assets/photo.jpg" is a file of "roundtable.docx"; null for any other name.</summary>
    public static (string Document, string FileName)? AssetOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var at = name.IndexOf(AssetsSuffix, StringComparison.OrdinalIgnoreCase);
        if (at <= 0 || at + AssetsSuffix.Length >= name.Length || name.EndsWith('/'))
        {
            return null;
        }

        // The stem may sit in a folder ("2026/roundtable"); the file name may not (files are not nested further).
        var fileName = name[(at + AssetsSuffix.Length)..];
        return fileName.Contains('/', StringComparison.Ordinal) ? null : (name[..at] + ".docx", fileName);
    }

    /// <summary>The prefix under which a document's files sit: "roundtable.docx" → "roundtable.assets/".</summary>
    public static string AssetsPrefixOf(string documentName)
    {
        ArgumentNullException.ThrowIfNull(documentName);
        return Stem(documentName) + AssetsSuffix;
    }

    /// <summary>The blob name of a translation staff expect: ("roundtable.docx", "kk") → "roundtable.kk.docx".</summary>
    public static string TranslationName(string documentName, string language) => $"{Stem(documentName)}.{language}.docx";

    private static string Stem(string documentName) =>
        documentName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? documentName[..^".docx".Length] : documentName;

    /// <summary>
    /// What the sidecar says must be there before the release is scheduled: <c>"translations": ["ru", "kk"]</c>
    /// and <c>"assets": ["bibliography.pdf", "photo.jpg"]</c> (arrays, or comma-separated strings). A sidecar
    /// without them expects nothing, and whatever is present when the release is settled goes with it.
    /// </summary>
    public static Expected ExpectedFrom(string? sidecarJson)
    {
        if (string.IsNullOrWhiteSpace(sidecarJson))
        {
            return Expected.Nothing;
        }

        try
        {
            using var json = JsonDocument.Parse(sidecarJson);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Expected.Nothing;
            }

            IReadOnlyList<string> Read(string property) =>
                json.RootElement.EnumerateObject().FirstOrDefault(p => p.NameEquals(property) || p.Name.Equals(property, StringComparison.OrdinalIgnoreCase)) is { Value: var value }
                    ? value.ValueKind switch
                    {
                        JsonValueKind.String => Instructions.ReleaseInstructions.SplitList(value.GetString()),
                        JsonValueKind.Array => [.. value.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).Where(x => x.Length > 0)],
                        _ => [],
                    }
                    : [];

            return new Expected(
                [.. Read("translations").Select(l => l.ToLowerInvariant()).Where(l => LanguageTag().IsMatch(l)).Distinct(StringComparer.Ordinal)],
                [.. Read("assets").Select(a => Path.GetFileName(a.Replace('\\', '/'))).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal)]);
        }
        catch (JsonException)
        {
            // The sidecar's own reader reports the broken JSON as the instruction problem.
            return Expected.Nothing;
        }
    }

    /// <summary>Translations (by language) and files (by name under <c>{name}.assets/</c>) a sidecar says to wait for.</summary>
    public sealed record Expected(IReadOnlyList<string> Translations, IReadOnlyList<string> Assets)
    {
        public static Expected Nothing { get; } = new([], []);
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageTag();
}
