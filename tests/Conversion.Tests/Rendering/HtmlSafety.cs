using AngleSharp.Dom;

namespace PressPipeline.Conversion.Tests.Rendering;

/// <summary>The security promise for generated HTML, checked element by element on the parsed document.</summary>
internal static class HtmlSafety
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>No script other than JSON-LD, no event-handler attributes, every URL relative or allow-listed.</summary>
    public static void AssertSafe(IDocument document)
    {
        foreach (var element in document.All)
        {
            if (element.LocalName == "script")
            {
                Assert.Equal("application/ld+json", element.GetAttribute("type"));
            }

            Assert.DoesNotContain(element.LocalName, new[] { "iframe", "object", "embed", "form", "base", "frame" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler attribute {attribute.Name} on <{element.LocalName}>");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "srcset" or "poster" or "content" && IsUrlAttribute(element, attribute.Name))
                {
                    AssertAllowedUrl(attribute.Value);
                }
            }
        }
    }

    private static bool IsUrlAttribute(IElement element, string name) =>
        name != "content" || element.GetAttribute("property") is "og:url" or "og:image";

    private static void AssertAllowedUrl(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = trimmed.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        if (hasScheme)
        {
            Assert.Contains(trimmed[..colon].ToLowerInvariant(), AllowedSchemes);
        }
    }
}
