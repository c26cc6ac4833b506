using System.Globalization;

namespace PressPipeline.Conversion.Rendering;

/// <summary>
/// One language version of the release as the other versions link to it.
/// </summary>
/// <param name="Language">BCP 47 primary tag ("en", "ru", "kk"), for hreflang.</param>
/// <param name="Url">The link that works before and after the lift (the signed-file route).</param>
/// <param name="PublicUrl">The version's permanent public web address, for hreflang; <paramref name="Url"/> when null.</param>
/// <param name="Current">True for the version being rendered.</param>
public sealed record VersionLink(string Language, Uri Url, Uri? PublicUrl, bool Current)
{
    /// <summary>The language's name in that language ("Русский", "Қазақша", "English").</summary>
    public string Name => LanguageNames.Native(Language);
}

/// <summary>
/// Names of languages in themselves. The lead-in of the language switch ("Read in", "Читать на языке") is the label
/// <c>read_in</c> in the version's language (src/Templates/labels/labels.json).
/// </summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English",
        ["ru"] = "Русский",
        ["kk"] = "Қазақша",
        ["ky"] = "Кыргызча",
        ["uz"] = "Oʻzbekcha",
        ["tg"] = "Тоҷикӣ",
        ["fr"] = "Français",
        ["de"] = "Deutsch",
        ["es"] = "Español",
        ["ar"] = "العربية",
        ["zh"] = "中文",
    };

    /// <summary>The language's own name; the culture's native name for others, else the tag itself.</summary>
    public static string Native(string language)
    {
        var primary = Primary(language);
        if (Names.TryGetValue(primary, out var name))
        {
            return name;
        }

        try
        {
            var native = CultureInfo.GetCultureInfo(primary).NativeName;
            return string.IsNullOrEmpty(native) || native.StartsWith("Unknown", StringComparison.Ordinal)
                ? primary
                : char.ToUpper(native[0], CultureInfo.GetCultureInfo(primary)) + native[1..];
        }
        catch (CultureNotFoundException)
        {
            return primary;
        }
    }

    /// <summary>The primary subtag, lower case: "ru-RU" → "ru".</summary>
    public static string Primary(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.Split('-', '_')[0].Trim().ToLowerInvariant();
    }

    /// <summary>The values the templates read: null when the release has one version (nothing to switch to).</summary>
    internal static IReadOnlyList<Dictionary<string, object?>>? TemplateValues(RenderContext context) =>
        context.Versions.Count < 2
            ? null
            : [.. context.Versions.Select(v => new Dictionary<string, object?>
            {
                ["lang"] = v.Language,
                ["name"] = v.Name,
                ["url"] = SafeUrl.Format(v.Url),
                ["public_url"] = SafeUrl.Format(v.PublicUrl ?? v.Url),
                ["current"] = v.Current,
            })];
}
