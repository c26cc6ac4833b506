namespace PressPipeline.Conversion.Rendering.Email;

/// <summary>
/// Moves the template's CSS into style attributes (many mail clients drop style blocks) with PreMailer.Net.
/// Media queries cannot be inlined, so they are kept in a style block for clients that honour them.
/// </summary>
internal static class CssInliner
{
    // The first inlining of a process pays for PreMailer's and AngleSharp's set-up (encodings, selector
    // machinery); a tiny document pays it early, beside the read of the real one.
    private static readonly Lazy<string> Warm = new(() => Inline("<html><head><style>p { margin: 0 }</style></head><body><p>.</p></body></html>"));

    public static void Prepare() => _ = Warm.Value;

    public static string Inline(string html)
    {
        using var premailer = new PreMailer.Net.PreMailer(html);
        var result = premailer.MoveCssInline(removeStyleElements: true, removeComments: true, preserveMediaQueries: true);
        return result.Html;
    }
}
