using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PressPipeline.Distribution.Composition;

/// <summary>
/// Adds what the renderer leaves to distribution: the greeting and the links at the top, the postal address
/// and a visible unsubscribe link at the bottom. Kept small: Gmail clips HTML over ~102 KB, footer first.
/// </summary>
internal static partial class BodyDecorator
{
    [GeneratedRegex("<body[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyOpen();

    [GeneratedRegex("</body\\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyClose();

    /// <param name="downloads">Files that go with the release, linked under Downloads (never attached).</param>
    /// <param name="correction">Staff's note of what a correction after sending changed; shown first, above the greeting.</param>
    public static string Html(string html, MailTexts texts, Uri? webPage, Uri? pdf, string postalAddress, IReadOnlyList<DownloadLink>? downloads = null, string? correction = null)
    {
        var top = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(correction))
        {
            top.Append("<p class=\"correction\" style=\"margin:0 0 16px 0;padding:8px 12px;border-left:4px solid #b00020;background:#fff4f4\"><strong>").Append(WebUtility.HtmlEncode(texts.Corrected)).Append(":</strong> ")
                .Append(WebUtility.HtmlEncode(correction.Trim())).Append("</p>");
        }

        top.Append("<p style=\"margin:0 0 16px 0\">").Append(Substitutions.GreetingHtml).Append("</p>");
        var links = Links(webPage, pdf, texts, (text, url) => $"<a href=\"{WebUtility.HtmlEncode(url.AbsoluteUri)}\">{WebUtility.HtmlEncode(text)}</a>");
        if (links.Count > 0)
        {
            top.Append("<p style=\"margin:0 0 16px 0\">").Append(string.Join(" &middot; ", links)).Append("</p>");
        }

        if (downloads is { Count: > 0 })
        {
            // Linked, never attached: the signed link serves the file before the lift and the newsroom after it.
            top.Append("<p style=\"margin:0 0 4px 0\"><strong>").Append(WebUtility.HtmlEncode(texts.Downloads)).Append("</strong></p><ul style=\"margin:0 0 16px 0\">");
            foreach (var download in downloads)
            {
                top.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(download.Url.AbsoluteUri)).Append("\">")
                    .Append(WebUtility.HtmlEncode(download.Name)).Append("</a> ")
                    .Append(WebUtility.HtmlEncode(texts.TypeAndSize(download))).Append("</li>");
            }

            top.Append("</ul>");
        }

        var footer = new StringBuilder()
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin-top:32px;border-top:1px solid #dddddd\"><tr>")
            .Append("<td style=\"padding-top:12px;font-size:12px;line-height:18px;color:#555555\">")
            .Append(WebUtility.HtmlEncode(texts.WhyYouGetThis)).Append(' ')
            .Append("<a href=\"").Append(Substitutions.UnsubscribeUrl).Append("\">").Append(WebUtility.HtmlEncode(texts.Unsubscribe)).Append("</a>");
        if (!string.IsNullOrWhiteSpace(postalAddress))
        {
            footer.Append("<br>").Append(WebUtility.HtmlEncode(postalAddress));
        }

        footer.Append("</td></tr></table>");
        return Insert(html, top.ToString(), footer.ToString());
    }

    public static string Text(string text, MailTexts texts, Uri? webPage, Uri? pdf, string postalAddress, IReadOnlyList<DownloadLink>? downloads = null, string? correction = null)
    {
        var builder = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(correction))
        {
            builder.Append(texts.Corrected).Append(": ").Append(correction.Trim()).Append("\n\n");
        }

        builder.Append(Substitutions.GreetingText).Append("\n\n");
        foreach (var link in Links(webPage, pdf, texts, (label, url) => $"{label}: {url.AbsoluteUri}"))
        {
            builder.Append(link).Append('\n');
        }

        // The text variant of a release rendered after its files were added lists them itself (release.txt is the
        // body of this part), in the same words and with the same links: listed once, not twice.
        var unlisted = downloads?.Where(d => !text.Contains(d.Url.AbsoluteUri, StringComparison.Ordinal)).ToList();
        if (unlisted is { Count: > 0 })
        {
            builder.Append('\n').Append(texts.Downloads).Append(":\n");
            foreach (var download in unlisted)
            {
                builder.Append("- ").Append(download.Name).Append(' ').Append(texts.TypeAndSize(download)).Append(": ").Append(download.Url.AbsoluteUri).Append('\n');
            }
        }

        builder.Append('\n').Append(text.TrimEnd()).Append("\n\n--\n")
            .Append(texts.WhyYouGetThis).Append('\n')
            .Append(texts.Unsubscribe).Append(": ").Append(Substitutions.UnsubscribeUrl).Append('\n');
        if (!string.IsNullOrWhiteSpace(postalAddress))
        {
            builder.Append(postalAddress).Append('\n');
        }

        return builder.ToString();
    }

    private static List<string> Links(Uri? webPage, Uri? pdf, MailTexts texts, Func<string, Uri, string> link)
    {
        var links = new List<string>(2);
        if (webPage is not null)
        {
            links.Add(link(texts.ReadOnline, webPage));
        }

        if (pdf is not null)
        {
            links.Add(link(texts.DownloadPdf, pdf));
        }

        return links;
    }

    private static string Insert(string html, string top, string footer)
    {
        var open = BodyOpen().Match(html);
        var withTop = open.Success ? html.Insert(open.Index + open.Length, top) : top + html;
        var close = BodyClose().Match(withTop);
        return close.Success ? withTop.Insert(close.Index, footer) : withTop + footer;
    }
}
