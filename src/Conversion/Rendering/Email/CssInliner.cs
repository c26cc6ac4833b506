namespace PressPipeline.Conversion.Rendering.Email;

/// <summary>
/// Moves the template's CSS into style attributes (many mail clients drop style blocks) with PreMailer.Net.
/// Media queries cannot be inlined, so they are kept in a style block for clients that honour them.
/// </summary>
internal static class CssInliner
{
    public static string Inline(string html)
    {
        using var premailer = new PreMailer.Net.PreMailer(html);
        var result = premailer.MoveCssInline(removeStyleElements: true, removeComments: true, preserveMediaQueries: true);
        return result.Html;
    }
}
