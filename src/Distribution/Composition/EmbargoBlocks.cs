using System.Net;
using System.Text.RegularExpressions;

namespace PressPipeline.Distribution.Composition;

/// <summary>
/// Takes the document's embargo line out of an e-mail that goes out when the release is already public (staff
/// chose "publish now", or the send is after the publish time): no message may say EMBARGOED then. The line is
/// where the templates put it: the e-mail's row <c>&lt;td class="embargo"&gt;</c> (email/email.liquid) with the
/// hidden preheader repeating it, and the text's opening paragraph (text/release.liquid: the line, its note, a
/// blank line).
/// </summary>
internal static partial class EmbargoBlocks
{
    public static (string Html, string Text) Remove(string html, string text)
    {
        var row = EmbargoRow().Match(html);
        if (!row.Success)
        {
            return (html, text);
        }

        var encoded = row.Groups["line"].Value;
        var withoutRow = html.Remove(row.Index, row.Length);
        var withoutPreheader = withoutRow.Replace(">" + encoded + "</div>", "></div>", StringComparison.Ordinal);

        var line = WebUtility.HtmlDecode(encoded).Trim();
        var paragraphEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        var withoutText = text.StartsWith(line, StringComparison.Ordinal) && paragraphEnd >= 0 ? text[(paragraphEnd + 2)..] : text;
        return (withoutPreheader, withoutText);
    }

    [GeneratedRegex("<tr>\\s*<td class=\"embargo\"[^>]*>(?<line>[^<]*)</td>\\s*</tr>\\s*", RegexOptions.CultureInvariant)]
    private static partial Regex EmbargoRow();
}
