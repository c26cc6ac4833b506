using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PressPipeline.Cli.Tests.Commands;

/// <summary>Uploads built in the test: a small real release, and one file for each kind of bad input.</summary>
internal static class Uploads
{
    /// <summary>A Word document with a Title-styled headline, a release line, a dateline and a link.</summary>
    public static byte[] SmallRelease(WordprocessingDocumentType type = WordprocessingDocumentType.Document) => Release(
        type,
        "FOR IMMEDIATE RELEASE",
        "IOM Roundtable on Migration and Development",
        "Astana, May 14, 2014 – The International Organization for Migration organizes a roundtable.",
        "Key issues");

    /// <summary>The same shape in Kazakh, using every letter Kazakh adds to Cyrillic (ә ғ қ ң ө ұ ү һ і).</summary>
    public static byte[] KazakhRelease() => Release(
        WordprocessingDocumentType.Document,
        "ДЕРЕУ ЖАРИЯЛАУҒА",
        "Көші-қон және даму жөніндегі дөңгелек үстел",
        "Астана, 2014 жылғы 14 мамыр – Халықаралық көші-қон ұйымы өңірлік ғылыми кездесу өткізеді; қатысушылар һәм сарапшылар үн қосады.",
        "Негізгі мәселелер");

    private static byte[] Release(WordprocessingDocumentType type, string releaseLine, string headline, string dateline, string heading)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "heading 1" }, new StyleParagraphProperties(new OutlineLevel { Val = 0 })) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
            var link = main.AddHyperlinkRelationship(new Uri("https://www.iom.int/"), true);
            main.Document = new Document(new Body(
                Para(releaseLine),
                Para(headline, "Title"),
                Para(dateline),
                Para(heading, "Heading1"),
                new Paragraph(new Run(new Text("Read more at ")), new Hyperlink(new Run(new Text("iom.int"))) { Id = link.Id }),
                Para("###")));
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }

    public static byte[] NotAZip() => Encoding.UTF8.GetBytes("Dear editors, please find our press release below.\n");

    public static byte[] ZipWithoutDocument() => Zip(("notes/readme.txt", Encoding.UTF8.GetBytes("hello"), CompressionLevel.Optimal));

    /// <summary>Word saves password-protected files as an OLE compound file, not a zip.</summary>
    public static byte[] PasswordProtected()
    {
        var bytes = new byte[4096];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] MacroEnabled() => SmallRelease(WordprocessingDocumentType.MacroEnabledDocument);

    /// <summary>A package whose main part inflates from kilobytes to 40 MB.</summary>
    public static byte[] ZipBomb()
    {
        var good = SmallRelease();
        using var stream = new MemoryStream();
        stream.Write(good);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.CreateEntry("word/media/padding.bin", CompressionLevel.SmallestSize);
            using var output = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 40; i++)
            {
                output.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A real package whose document part is not well-formed XML.</summary>
    public static byte[] CorruptPart()
    {
        var good = SmallRelease();
        using var stream = new MemoryStream();
        stream.Write(good);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var output = zip.CreateEntry("word/document.xml").Open();
            output.Write(Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"));
        }

        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content, CompressionLevel Level)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, level) in entries)
            {
                using var output = zip.CreateEntry(name, level).Open();
                output.Write(content);
            }
        }

        return stream.ToArray();
    }
}
