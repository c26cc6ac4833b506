using System.Text;
using PressPipeline.Conversion.Rendering.Email.Inlining;

namespace PressPipeline.Conversion.Rendering.Email;

/// <summary>
/// Moves the template's CSS into style attributes (many mail clients drop style blocks) with PreMailer.Net.
/// Media queries cannot be inlined, so they are kept in a style block for clients that honour them.
/// </summary>
/// <remarks>
/// PreMailer parses the whole page, matches every selector against it and writes it out again: on a long
/// release that was a quarter of a whole-process convert. When the sheet's selectors depend only on an
/// element's ancestry (see <see cref="ContextOnlySelectors"/>) and the page is the strict HTML our templates
/// write, PreMailer is asked once per distinct element context instead (<see cref="InlineStyleMap"/>) and the
/// answers are written into the page as it is. Anything else takes the whole-document path; both give the
/// same document, which the tests check on every corpus file.
/// </remarks>
internal static class CssInliner
{
    // The first inlining of a process pays for PreMailer's and AngleSharp's set-up (encodings, selector
    // machinery); a tiny document pays it early, beside the read of the real one.
    private static readonly Lazy<string> Warm = new(() => InlineWholeDocument("<html><head><style>p { margin: 0 }</style></head><body><p>.</p></body></html>"));

    public static void Prepare() => _ = Warm.Value;

    /// <summary>The page with its CSS inlined, as the UTF-8 bytes of email.html.</summary>
    public static byte[] Inline(string html) =>
        TryInlineByContext(html, out var inlined) ? inlined : Encoding.UTF8.GetBytes(InlineWholeDocument(html));

    /// <summary>The fast path: false (and nothing written) when the page or the sheet is outside what it handles.</summary>
    public static bool TryInlineByContext(string html, out byte[] inlined)
    {
        inlined = [];
        if (GeneratedHtml.TryScan(html, out var scanned)
            && scanned.StyleSheet is { } sheet
            && ContextOnlySelectors.Allows(sheet.Css)
            && InlineStyleMap.For(sheet.Css).TryResolve(scanned, out var edits, out var keptCss))
        {
            inlined = InlinedHtmlWriter.WriteUtf8(scanned, edits, keptCss);
            return true;
        }

        return false;
    }

    /// <summary>PreMailer over the whole document: the general path, and the reference the fast one must match.</summary>
    public static string InlineWholeDocument(string html)
    {
        using var premailer = new PreMailer.Net.PreMailer(html);
        var result = premailer.MoveCssInline(removeStyleElements: true, removeComments: true, preserveMediaQueries: true);
        return result.Html;
    }
}
