using System.Text;
using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion.Docx;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Tests.Docx;

/// <summary>
/// Builds small .docx packages with the Open XML SDK for reader tests: body XML is written with the
/// w: prefix; styles, numbering, notes, hyperlinks and images are added as real parts and relationships.
/// </summary>
internal sealed class TestDocument
{
    public const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" "
        + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
        + "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
        + "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"";

    private readonly StringBuilder body = new();
    private readonly StringBuilder styles = new();
    private readonly StringBuilder numbering = new();
    private readonly StringBuilder footnotes = new();
    private readonly List<(string Id, string Target)> links = [];
    private readonly List<(string Id, byte[] Data)> images = [];
    private string docDefaultsLanguage = "en-GB";

    public static TestDocument Create() => new();

    /// <summary>Raw WordprocessingML appended to the body.</summary>
    public TestDocument Body(string xml)
    {
        body.Append(xml);
        return this;
    }

    public TestDocument Paragraph(string text, string? style = null, string runProperties = "", string paragraphProperties = "")
    {
        var pPr = style is null && paragraphProperties.Length == 0 ? string.Empty
            : $"<w:pPr>{(style is null ? string.Empty : $"<w:pStyle w:val=\"{style}\"/>")}{paragraphProperties}</w:pPr>";
        var rPr = runProperties.Length == 0 ? string.Empty : $"<w:rPr>{runProperties}</w:rPr>";
        return Body($"<w:p>{pPr}<w:r>{rPr}<w:t xml:space=\"preserve\">{Escape(text)}</w:t></w:r></w:p>");
    }

    public TestDocument ListItem(string text, int numId, int level = 0) =>
        Paragraph(text, paragraphProperties: $"<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numId}\"/></w:numPr>");

    /// <summary>A paragraph style: id, name, optional based-on and raw pPr/rPr.</summary>
    public TestDocument Style(string id, string name, string? basedOn = null, string pPr = "", string rPr = "", string type = "paragraph")
    {
        styles.Append($"<w:style w:type=\"{type}\" w:styleId=\"{id}\"><w:name w:val=\"{Escape(name)}\"/>")
            .Append(basedOn is null ? string.Empty : $"<w:basedOn w:val=\"{basedOn}\"/>")
            .Append(pPr.Length == 0 ? string.Empty : $"<w:pPr>{pPr}</w:pPr>")
            .Append(rPr.Length == 0 ? string.Empty : $"<w:rPr>{rPr}</w:rPr>")
            .Append("</w:style>");
        return this;
    }

    /// <summary>The styles a press release usually uses: Title, Subtitle, Heading 1–3, Quote, Hyperlink.</summary>
    public TestDocument StandardStyles() =>
        Style("Normal", "Normal")
            .Style("Title", "Title", "Normal", rPr: "<w:sz w:val=\"56\"/>")
            .Style("Subtitle", "Subtitle", "Normal", rPr: "<w:i/>")
            .Style("Heading1", "heading 1", "Normal", pPr: "<w:outlineLvl w:val=\"0\"/>", rPr: "<w:b/>")
            .Style("Heading2", "heading 2", "Normal", pPr: "<w:outlineLvl w:val=\"1\"/>", rPr: "<w:b/>")
            .Style("Heading3", "heading 3", "Normal", pPr: "<w:outlineLvl w:val=\"2\"/>")
            .Style("Quote", "Quote", "Normal", rPr: "<w:i/>")
            .Style("Strong", "Strong", rPr: "<w:b/>", type: "character");

    /// <summary>Raw w:abstractNum / w:num elements.</summary>
    public TestDocument Numbering(string xml)
    {
        numbering.Append(xml);
        return this;
    }

    /// <summary>numId 1: bullets (two levels); numId 2: decimal "1." with lowerLetter "a)" below.</summary>
    public TestDocument StandardNumbering() => Numbering(
        "<w:abstractNum w:abstractNumId=\"0\">"
        + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\uF0B7\"/></w:lvl>"
        + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"o\"/></w:lvl>"
        + "</w:abstractNum>"
        + "<w:abstractNum w:abstractNumId=\"1\">"
        + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
        + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl>"
        + "</w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>");

    public TestDocument Footnote(int id, string text)
    {
        footnotes.Append($"<w:footnote w:id=\"{id}\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> {Escape(text)}</w:t></w:r></w:p></w:footnote>");
        return this;
    }

    /// <summary>Raw w:footnote elements (or anything else, to damage the part).</summary>
    public TestDocument FootnoteXml(string xml)
    {
        footnotes.Append(xml);
        return this;
    }

    /// <summary>An external hyperlink relationship the body can refer to by id.</summary>
    public TestDocument Link(string relationshipId, string target)
    {
        links.Add((relationshipId, target));
        return this;
    }

    /// <summary>An image part the body can refer to by relationship id.</summary>
    public TestDocument ImagePart(string relationshipId, byte[] png)
    {
        images.Add((relationshipId, png));
        return this;
    }

    public TestDocument Language(string tag)
    {
        docDefaultsLanguage = tag;
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            Feed(main, $"<w:document {Namespaces}><w:body>{body}</w:body></w:document>");
            var styleXml = $"<w:styles {Namespaces}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val=\"{docDefaultsLanguage}\"/></w:rPr></w:rPrDefault></w:docDefaults>{styles}</w:styles>";
            Feed(main.AddNewPart<StyleDefinitionsPart>(), styleXml);
            if (numbering.Length > 0)
            {
                Feed(main.AddNewPart<NumberingDefinitionsPart>(), $"<w:numbering {Namespaces}>{numbering}</w:numbering>");
            }

            if (footnotes.Length > 0)
            {
                Feed(main.AddNewPart<FootnotesPart>(), $"<w:footnotes {Namespaces}>{footnotes}</w:footnotes>");
            }

            foreach (var (id, target) in links)
            {
                main.AddHyperlinkRelationship(new Uri(target, UriKind.RelativeOrAbsolute), true, id);
            }

            foreach (var (id, data) in images)
            {
                var part = main.AddImagePart(ImagePartType.Png, id);
                using var imageStream = new MemoryStream(data);
                part.FeedData(imageStream);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Builds and reads the document with default limits.</summary>
    public Result<PressRelease> Read() => new WordReader(ConversionLimits.Default).Read(new MemoryStream(Build()));

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A valid 2×1 PNG.</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAoAAAAKCAIAAAACUFjqAAAAAXNSR0IArs4c6QAAAAlwSFlzAAAOvgAADr4B6kKxwAAAABNJREFUKFNj/M+ADzDhlWUYqdIAQSwBE8U+X40AAAAASUVORK5CYII=");
}
