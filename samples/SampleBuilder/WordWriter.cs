using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace PressPipeline.Samples;

/// <summary>
/// Writes a .docx the way Word structures one: styles, numbering, footnotes, hyperlink and image
/// relationships are real parts created with the Open XML SDK; body content is WordprocessingML.
/// </summary>
internal sealed class WordWriter
{
    private const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

    private readonly StringBuilder body = new();
    private readonly StringBuilder footnotes = new();
    private readonly List<(string Id, string Target)> links = [];
    private readonly List<(string Id, byte[] Png)> images = [];
    private int nextFootnote = 1;
    private int nextDrawing = 1;

    public WordWriter(string language, IReadOnlyDictionary<string, string> headingNames)
    {
        Language = language;
        HeadingNames = headingNames;
    }

    private string Language { get; }

    /// <summary>Style names as a localised Word writes them ("heading 1" or "Заголовок 1").</summary>
    private IReadOnlyDictionary<string, string> HeadingNames { get; }

    public static string Run(string text, string properties = "") =>
        $"<w:r>{(properties.Length > 0 ? $"<w:rPr>{properties}</w:rPr>" : string.Empty)}<w:t xml:space=\"preserve\">{SecurityElement.Escape(text)}</w:t></w:r>";

    public WordWriter Paragraph(string style, params string[] runs) => Raw(style, string.Empty, runs);

    public WordWriter Centered(string style, params string[] runs) => Raw(style, "<w:jc w:val=\"center\"/>", runs);

    public WordWriter ListItem(int numId, int level, params string[] runs) =>
        Raw("ListParagraph", $"<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numId}\"/></w:numPr>", runs);

    private WordWriter Raw(string style, string properties, string[] runs)
    {
        body.Append($"<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{properties}</w:pPr>{string.Concat(runs)}</w:p>");
        return this;
    }

    /// <summary>A hyperlink run through a relationship, in the Hyperlink character style.</summary>
    public string Link(string target, string text)
    {
        var id = "rIdLink" + (links.Count + 1);
        links.Add((id, target));
        return $"<w:hyperlink r:id=\"{id}\" w:history=\"1\">{Run(text, "<w:rStyle w:val=\"Hyperlink\"/>")}</w:hyperlink>";
    }

    /// <summary>A footnote reference run; the note text goes into word/footnotes.xml.</summary>
    public string Footnote(string text)
    {
        var id = nextFootnote++;
        footnotes.Append($"<w:footnote w:id=\"{id}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>")
            .Append("<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>")
            .Append(Run(" " + text)).Append("</w:p></w:footnote>");
        return $"<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>";
    }

    /// <summary>An inline picture with alt text; size in points.</summary>
    public WordWriter Picture(byte[] png, string altText, double widthPoints, double heightPoints)
    {
        var id = "rIdImage" + (images.Count + 1);
        images.Add((id, png));
        var (cx, cy) = ((long)(widthPoints * 12700), (long)(heightPoints * 12700));
        var n = nextDrawing++;
        body.Append("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">")
            .Append($"<wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"Picture {n}\" descr=\"{SecurityElement.Escape(altText)}\"/>")
            .Append("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>")
            .Append($"<pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"image{n}.png\"/><pic:cNvPicPr/></pic:nvPicPr>")
            .Append($"<pic:blipFill><a:blip r:embed=\"{id}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>")
            .Append($"<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>")
            .Append("</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>");
        return this;
    }

    /// <summary>A table with a repeated header row; column widths in twips.</summary>
    public WordWriter Table(int[] widths, string[] header, params string[][] rows)
    {
        body.Append("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/>")
            .Append("<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/></w:tblBorders></w:tblPr><w:tblGrid>");
        foreach (var width in widths)
        {
            body.Append($"<w:gridCol w:w=\"{width}\"/>");
        }

        body.Append("</w:tblGrid>");
        AppendRow(widths, header, isHeader: true);
        foreach (var row in rows)
        {
            AppendRow(widths, row, isHeader: false);
        }

        body.Append("</w:tbl>");
        return this;
    }

    private void AppendRow(int[] widths, string[] cells, bool isHeader)
    {
        body.Append(isHeader ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
        for (var i = 0; i < cells.Length; i++)
        {
            body.Append($"<w:tc><w:tcPr><w:tcW w:w=\"{widths[i]}\" w:type=\"dxa\"/></w:tcPr><w:p>")
                .Append(Run(cells[i], isHeader ? "<w:b/>" : string.Empty)).Append("</w:p></w:tc>");
        }

        body.Append("</w:tr>");
    }

    public void Save(string path, string title, string author, DateTime created)
    {
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            Feed(main, $"<w:document {Namespaces}><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
            Feed(main.AddNewPart<StyleDefinitionsPart>(), Styles());
            Feed(main.AddNewPart<NumberingDefinitionsPart>(), Numbering());
            Feed(main.AddNewPart<FootnotesPart>(), $"<w:footnotes {Namespaces}>"
                + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
                + $"{footnotes}</w:footnotes>");
            foreach (var (id, target) in links)
            {
                main.AddHyperlinkRelationship(new Uri(target), true, id);
            }

            foreach (var (id, png) in images)
            {
                var part = main.AddImagePart(ImagePartType.Png, id);
                using var stream = new MemoryStream(png);
                part.FeedData(stream);
            }

            document.PackageProperties.Title = title;
            document.PackageProperties.Creator = author;
            document.PackageProperties.Created = created;
            document.PackageProperties.Modified = created;
            document.PackageProperties.Language = Language;
        }
    }

    private string Styles()
    {
        var xml = new StringBuilder($"<w:styles {Namespaces}>")
            .Append($"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:lang w:val=\"{Language}\"/></w:rPr></w:rPrDefault>")
            .Append("<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"259\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>")
            .Append("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>")
            .Append(ParagraphStyle("Title", HeadingNames["Title"], "<w:spacing w:after=\"120\"/>", "<w:b/><w:sz w:val=\"44\"/><w:color w:val=\"0033A0\"/>"))
            .Append(ParagraphStyle("Subtitle", HeadingNames["Subtitle"], string.Empty, "<w:i/><w:sz w:val=\"28\"/><w:color w:val=\"5A5A5A\"/>"))
            .Append(ParagraphStyle("Heading1", HeadingNames["Heading1"], "<w:keepNext/><w:spacing w:before=\"240\"/><w:outlineLvl w:val=\"0\"/>", "<w:b/><w:sz w:val=\"32\"/><w:color w:val=\"0033A0\"/>"))
            .Append(ParagraphStyle("Heading2", HeadingNames["Heading2"], "<w:keepNext/><w:spacing w:before=\"200\"/><w:outlineLvl w:val=\"1\"/>", "<w:b/><w:sz w:val=\"26\"/><w:color w:val=\"0033A0\"/>"))
            .Append(ParagraphStyle("Quote", HeadingNames["Quote"], "<w:ind w:left=\"720\" w:right=\"720\"/>", "<w:i/><w:color w:val=\"404040\"/>"))
            .Append(ParagraphStyle("ListParagraph", "List Paragraph", "<w:ind w:left=\"720\"/><w:contextualSpacing/>", string.Empty))
            .Append(ParagraphStyle("FootnoteText", "footnote text", "<w:spacing w:after=\"0\"/>", "<w:sz w:val=\"20\"/>"))
            .Append("<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>")
            .Append("<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>")
            .Append("<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/></w:style>")
            .Append("</w:styles>");
        return xml.ToString();
    }

    private static string ParagraphStyle(string id, string name, string pPr, string rPr) =>
        $"<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
        + (pPr.Length > 0 ? $"<w:pPr>{pPr}</w:pPr>" : string.Empty)
        + (rPr.Length > 0 ? $"<w:rPr>{rPr}</w:rPr>" : string.Empty)
        + "</w:style>";

    /// <summary>numId 1: bullets with a nested level; numId 2: "1." with "a)" below.</summary>
    private static string Numbering() =>
        $"<w:numbering {Namespaces}>"
        + "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\uF0B7\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Symbol\" w:hAnsi=\"Symbol\" w:hint=\"default\"/></w:rPr></w:lvl>"
        + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"o\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1440\" w:hanging=\"360\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:hint=\"default\"/></w:rPr></w:lvl>"
        + "</w:abstractNum>"
        + "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
        + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1440\" w:hanging=\"360\"/></w:pPr></w:lvl>"
        + "</w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
        + "</w:numbering>";

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }
}
