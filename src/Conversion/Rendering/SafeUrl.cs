using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Rendering;

/// <summary>
/// The one allow-list of link schemes every renderer applies again before writing a URL. The reader
/// filters already; renderers check anyway because a model can be built by other code (tests, future readers).
/// </summary>
public static class SafeUrl
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>True when the URL is absolute and its scheme is http, https, mailto or tel.</summary>
    public static bool IsAllowed(Uri? target) =>
        target is { IsAbsoluteUri: true } && AllowedSchemes.Contains(target.Scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>The URL as written into output (percent-escaped absolute form), or null when dropped.</summary>
    public static string? Format(Uri? target) => IsAllowed(target) ? target!.AbsoluteUri : null;

    /// <summary>The warning raised when a link is dropped.</summary>
    public static ConversionWarning Dropped(Uri? target, string variant)
    {
        var scheme = target is { IsAbsoluteUri: true } ? target.Scheme + ":" : "relative";
        return new ConversionWarning(
            "link.scheme-dropped",
            $"A link using '{scheme}' was removed from the {variant} version; only web, e-mail and phone links are kept.");
    }
}
