using System.Globalization;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering;

/// <summary>
/// A file staff added to the release (bibliography, photo, data sheet), as the web page, the text and the e-mail link
/// it for download: "bibliography.pdf (PDF, 1.2 MB)". Linked, never embedded or attached.
/// </summary>
/// <param name="Name">The file name readers download ("bibliography.pdf").</param>
/// <param name="Url">The link every variant carries: the signed-file route, which serves the file before the lift and redirects to the newsroom after it.</param>
/// <param name="Type">Short type, the same in every language ("PDF", "JPG", "XLSX").</param>
/// <param name="Bytes">Size of the file as published.</param>
/// <param name="ContentType">The allow-listed content type, for the web page's <c>type</c> hint.</param>
public sealed record AssetLink(string Name, Uri Url, string Type, long Bytes, string ContentType);

/// <summary>How downloads are described in every variant and the e-mail: "(PDF, 1.2 MB)", "(PDF, 1,2 МБ)".</summary>
public static class AssetLinks
{
    /// <summary>Type and size in the release's language: the size label ("{size} MB", "{size} МБ") and its decimal comma or point.</summary>
    public static string TypeAndSize(string type, long bytes, string sizeLabel, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(sizeLabel);
        var size = Math.Max(0.1, bytes / 1024.0 / 1024.0).ToString("0.0", culture);
        return $"({type}, {sizeLabel.Replace("{size}", size, StringComparison.Ordinal)})";
    }

    /// <summary>The culture for numbers in a language with labels; invariant for a language without (it reads English).</summary>
    public static CultureInfo NumberCulture(string language, TemplateLibrary templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var primary = LanguageNames.Primary(string.IsNullOrWhiteSpace(language) ? "en" : language);
        return templates.LabelLanguages.Contains(primary) ? ReleaseLines.Culture(primary) : CultureInfo.InvariantCulture;
    }

    /// <summary>The values the templates read: null when the release has no files (nothing is written).</summary>
    internal static IReadOnlyList<Dictionary<string, object?>>? TemplateValues(RenderContext context, string language, IReadOnlyDictionary<string, string> labels, TemplateLibrary templates)
    {
        var culture = NumberCulture(language, templates);
        var downloads = context.Assets
            .Where(a => SafeUrl.IsAllowed(a.Url))
            .Select(a => new Dictionary<string, object?>
            {
                ["name"] = a.Name,
                ["url"] = SafeUrl.Format(a.Url),
                ["content_type"] = a.ContentType,
                ["type_and_size"] = TypeAndSize(a.Type, a.Bytes, labels["size_mb"], culture),
            })
            .ToList();
        return downloads.Count == 0 ? null : downloads;
    }
}
