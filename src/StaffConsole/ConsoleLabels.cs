using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PressPipeline.Templates;

namespace PressPipeline.StaffConsole;

/// <summary>
/// The console's words in English, Russian and Kazakh, as data (<c>src/Templates/console/labels.json</c>). The
/// language is the one chosen with the switch on every page (a cookie), else the browser's first supported one,
/// else English.
/// </summary>
public sealed class ConsoleLabels
{
    public const string LanguageCookie = "console-lang";

    /// <summary>The press office's languages, in the order the switch shows them.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "ru", "kk"];

    private readonly Dictionary<string, Dictionary<string, string>> byLanguage;

    public ConsoleLabels(TemplateLibrary templates)
    {
        byLanguage = JsonSerializer.Deserialize(templates.Read("console/labels.json"), ConsoleJson.Default.DictionaryStringDictionaryStringString)
            ?? throw new InvalidDataException("console/labels.json is empty.");
    }

    /// <summary>Every language's labels, for the completeness test.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> All => byLanguage;

    /// <summary>The labels of a language, English filling any gap.</summary>
    public IReadOnlyDictionary<string, string> For(string language)
    {
        var english = byLanguage["en"];
        if (language == "en" || !byLanguage.TryGetValue(language, out var own))
        {
            return english;
        }

        var merged = new Dictionary<string, string>(english, StringComparer.Ordinal);
        foreach (var (key, text) in own)
        {
            merged[key] = text;
        }

        return merged;
    }

    /// <summary>The language of this request: <c>?lang=</c> (which also sets the cookie), the cookie, the browser, English.</summary>
    public static string Choose(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        if (Languages.Contains(asked))
        {
            context.Response.Cookies.Append(LanguageCookie, asked, new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
            });
            return asked;
        }

        if (context.Request.Cookies.TryGetValue(LanguageCookie, out var saved) && Languages.Contains(saved))
        {
            return saved!;
        }

        var accepted = StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptLanguage, out var list) ? list : [];
        foreach (var language in accepted.OrderByDescending(l => l.Quality ?? 1))
        {
            var primary = (language.Value.Value ?? "").Split('-')[0].ToLowerInvariant();
            if (Languages.Contains(primary))
            {
                return primary;
            }
        }

        return "en";
    }
}

[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
internal sealed partial class ConsoleJson : JsonSerializerContext;
