namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Which link targets reach the model: absolute http, https, mailto and tel only. Everything else
/// (javascript:, file:, relative paths to files on the author's disk) is dropped with a warning and the
/// link text is kept as plain text.
/// </summary>
internal static class LinkPolicy
{
    public static Uri? Accept(string? raw, string? fragment, Warnings warnings)
    {
        var target = (raw ?? string.Empty).Trim();
        if (!string.IsNullOrEmpty(fragment))
        {
            target += "#" + fragment;
        }

        if (target.Length == 0)
        {
            return null;
        }

        if (target.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            target = "http://" + target;
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || target.StartsWith('/'))
        {
            warnings.Add("link.relative-dropped", $"The link to \"{Shorten(target)}\" points to a file, not a web address, so only its text was kept.");
            return null;
        }

        if (uri.Scheme is "http" or "https" or "mailto" or "tel")
        {
            return uri;
        }

        warnings.Add("link.scheme-dropped", $"A link using \"{uri.Scheme}:\" was removed (only web, e-mail and phone links are kept); its text was kept.");
        return null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
