using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PressPipeline.Pipeline.Tests.Support;

/// <summary>Small real .docx files written with the Open XML SDK.</summary>
public static class TestDocx
{
    /// <param name="releaseLine">e.g. "FOR IMMEDIATE RELEASE" or "EMBARGOED UNTIL 22 May 2014, 11:30 Astana time".</param>
    public static byte[] Build(string title, string? releaseLine = null, params string[] body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var paragraphs = new List<OpenXmlElement>();
            if (releaseLine is not null)
            {
                paragraphs.Add(Para(releaseLine, null));
            }

            paragraphs.Add(Para(title, "Title"));
            paragraphs.AddRange(body.Select(text => Para(text, null)));
            main.Document = new Document(new Body(paragraphs));
            AddStyles(main);
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style)
    {
        var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Title" });
    }
}
