using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Page headers and footers are not part of the release: the web page, e-mail and text have no pages, and the PDF
/// prints its own (theme) letterhead and page numbers. But a press office may keep its address, phone number or a
/// release line there, and that text would vanish without a word. So every header and footer a section of the
/// document uses is read for text, leaving out page numbering (PAGE and NUMPAGES fields with words such as
/// "Page … of"), other fields, hidden text and text the body repeats; what is left raises one warning per header or
/// footer, at "page header" / "page footer" with its first words. A header holding only a picture (a logo) raises none.
/// </summary>
internal static class HeaderFooterCheck
{
    public const string HeaderCode = "header.dropped";
    public const string FooterCode = "footer.dropped";

    /// <summary>Words that stand around page-number fields ("Page 3 of 12", "Страница 3 из 12", "页面 3"), lower case.</summary>
    private static readonly HashSet<string> PageWords = new(StringComparer.Ordinal)
    {
        "page", "pages", "pg", "p", "of", "de", "sur", "von", "seite", "página", "pagina", "из", "стр", "страница",
        "бет", "беті", "页面", "页", "第", "共", "صفحة", "من", "עמוד", "מתוך",
    };

    /// <summary>Warns about each header and footer holding text that is not in the release; true when one did.</summary>
    public static bool Check(MainDocumentPart main, Body body, Warnings warnings)
    {
        // Most releases have no header or footer part at all: nothing to walk then.
        if (!main.HeaderParts.Any() && !main.FooterParts.Any())
        {
            return false;
        }

        var warned = false;
        string? bodyText = null;
        var seen = new HashSet<OpenXmlPart>();
        foreach (var section in body.Descendants<SectionProperties>())
        {
            foreach (var reference in section.Elements<HeaderFooterReferenceType>())
            {
                if (reference.Id?.Value is not { Length: > 0 } id || !main.TryGetPartById(id, out var part) || !seen.Add(part))
                {
                    continue;
                }

                OpenXmlPartRootElement? root = part switch
                {
                    HeaderPart header => header.Header,
                    FooterPart footer => footer.Footer,
                    _ => null,
                };
                if (root is null)
                {
                    continue;
                }

                var left = new List<string>();
                foreach (var paragraph in root.Descendants<W.Paragraph>())
                {
                    var line = LineText(paragraph);
                    if (line.Length == 0 || left.Contains(line, StringComparer.Ordinal))
                    {
                        continue;
                    }

                    bodyText ??= Folded(TextOf(body));
                    if (!bodyText.Contains(Folded(line), StringComparison.Ordinal))
                    {
                        left.Add(line);
                    }
                }

                if (left.Count > 0)
                {
                    var footer = part is FooterPart;
                    var outside = warnings.Enter(new Warnings.Place(footer ? "footer" : "header", Near: Results.WarningLocation.FirstWords(string.Join(' ', left))));
                    warnings.Add(footer ? FooterCode : HeaderCode, Message(footer ? "footer" : "header"));
                    warnings.Return(outside);
                    warned = true;
                }
            }
        }

        return warned;
    }

    private static string Message(string kind) =>
        $"Text in the page {kind} is left out of every version (web page, e-mail, text and PDF): if journalists need it (an address, a phone number, a release line), put it in the body of the release.";

    /// <summary>The paragraph's own text: no field codes or results, no hidden runs; empty when only page numbering is left.</summary>
    private static string LineText(W.Paragraph paragraph)
    {
        var text = new StringBuilder();
        var depth = 0;
        var hadField = false;
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case FieldChar field when Attr.Token(field.FieldCharType) is { } type:
                    hadField = true;
                    depth = type == "begin" ? depth + 1 : type == "end" ? Math.Max(depth - 1, 0) : depth;
                    break;
                case SimpleField:
                    hadField = true;
                    break;
                case W.Text t when depth == 0 && t.Ancestors<SimpleField>().FirstOrDefault() is null && !Hidden(t):
                    text.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append(' ');
                    break;
                default:
                    break;
            }
        }

        var line = Fold(text.ToString());
        return line.Length == 0 || (hadField && OnlyPageNumbering(line)) ? string.Empty : line;
    }

    private static bool Hidden(W.Text text) =>
        text.Parent is W.Run { RunProperties.Vanish: { } vanish } && Attr.OnOff(vanish.Val, null);

    private static bool OnlyPageNumbering(string line)
    {
        foreach (var word in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = word.Trim().Trim(".,:;-–—/|()[]#".ToCharArray()).ToLowerInvariant();
            if (bare.Length > 0 && !bare.All(char.IsDigit) && !PageWords.Contains(bare))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The body's words, paragraphs apart: what a header's line is looked for in.</summary>
    private static string TextOf(Body body)
    {
        var text = new StringBuilder();
        foreach (var element in body.Descendants())
        {
            if (element is W.Paragraph)
            {
                text.Append(' ');
            }
            else if (element is W.Text t)
            {
                text.Append(t.Text);
            }
        }

        return text.ToString();
    }

    /// <summary>Whitespace folded to single spaces, trimmed.</summary>
    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>For comparing with the body: folded and lower case.</summary>
    private static string Folded(string text) => Fold(text).ToLowerInvariant();
}
