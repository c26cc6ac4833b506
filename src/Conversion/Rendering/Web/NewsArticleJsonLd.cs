using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Rendering.Web;

/// <summary>
/// schema.org NewsArticle for the page's JSON-LD block. Serialised by System.Text.Json, whose encoder
/// escapes &lt;, &gt;, &amp; and quotes in every string, so "&lt;/script&gt;" in a headline cannot end the
/// script element; letters in any script are kept as they are.
/// </summary>
internal static class NewsArticleJsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static string Create(PressRelease release, ReleaseView view, string? pageUrl, string? imageUrl, string? description)
    {
        var metadata = release.Metadata;
        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = Headline(view.DocumentTitle),
            ["inLanguage"] = view.Language,
        };
        if (view.Subtitle is { } subtitle)
        {
            article["alternativeHeadline"] = subtitle;
        }

        if (description is not null)
        {
            article["description"] = description;
        }

        if (PublishedAt(release) is { } published)
        {
            article["datePublished"] = published;
        }

        if (metadata.Document.Modified is { } modified)
        {
            article["dateModified"] = modified.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (metadata.Dateline is { } dateline && !string.IsNullOrWhiteSpace(dateline.Place))
        {
            article["dateline"] = dateline.Text;
        }

        if (view.Organisation is { } organisation)
        {
            article["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = organisation };
            article["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = organisation };
        }

        if (imageUrl is not null)
        {
            article["image"] = new JsonArray(imageUrl);
        }

        if (pageUrl is not null)
        {
            article["mainEntityOfPage"] = pageUrl;
            article["url"] = pageUrl;
        }

        if (metadata.Document.Keywords.Count > 0)
        {
            article["keywords"] = string.Join(", ", metadata.Document.Keywords);
        }

        return article.ToJsonString(Options);
    }

    /// <summary>The publish time as ISO 8601: the embargo lift, else the dateline's date.</summary>
    public static string? PublishedAt(PressRelease release) => release.Metadata.Release switch
    {
        ReleaseInstruction.Embargoed embargoed => embargoed.LiftsAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        _ => release.Metadata.Dateline?.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Google shows at most 110 characters of a NewsArticle headline.</summary>
    private static string Headline(string title) => title.Length <= 110 ? title : title[..109] + "…";
}
