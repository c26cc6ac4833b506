using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using Draw = DocumentFormat.OpenXml.Drawing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Vml = DocumentFormat.OpenXml.Vml;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Has the Open XML SDK build its schema metadata for a body's element types on another core while the
/// reading thread parses the body. The first time the SDK parses a parent element it builds the metadata of
/// every child type that parent may hold, through reflection and expression trees: in a cold process that is
/// some 500 types and 60 ms of CPU for the one-page sample, all of it on the thread parsing the body while the
/// other core idles. The metadata is kept for the life of the process, so only the first read primes.
/// </summary>
/// <remarks>
/// The SDK builds a parent's child list once and a second thread asking for it waits, so the primer must not
/// walk the body top-down as the reader does: it instantiates the parents the body contains directly, deepest
/// first (pictures, tables, sections, then runs and paragraphs), and gives each one child to parse. The two
/// threads meet in the middle. Parents not listed here are left to the reader. Anything the primer cannot
/// read is the reader's business to report: the primer gives up silently.
/// </remarks>
internal static class SchemaPrimer
{
    /// <summary>Parents whose child lists releases commonly need, deepest first.</summary>
    private static readonly (string Namespace, string Name, Func<OpenXmlElement> Create)[] Parents =
    [
        (Namespaces.Picture, "spPr", () => new Pic.ShapeProperties()),
        (Namespaces.Picture, "blipFill", () => new Pic.BlipFill()),
        (Namespaces.DrawingMain, "blip", () => new Draw.Blip()),
        (Namespaces.Picture, "nvPicPr", () => new Pic.NonVisualPictureProperties()),
        (Namespaces.Picture, "pic", () => new Pic.Picture()),
        (Namespaces.DrawingMain, "graphicData", () => new Draw.GraphicData()),
        (Namespaces.DrawingMain, "graphic", () => new Draw.Graphic()),
        (Namespaces.WordDrawing, "docPr", () => new Wp.DocProperties()),
        (Namespaces.WordDrawing, "inline", () => new Wp.Inline()),
        (Namespaces.WordDrawing, "anchor", () => new Wp.Anchor()),
        (Namespaces.Word, "drawing", () => new W.Drawing()),
        (Namespaces.Vml, "shape", () => new Vml.Shape()),
        (Namespaces.Vml, "shapetype", () => new Vml.Shapetype()),
        (Namespaces.Word, "pict", () => new W.Picture()),
        (Namespaces.Word, "object", () => new W.EmbeddedObject()),
        (Namespaces.Word, "sectPr", () => new W.SectionProperties()),
        (Namespaces.Word, "tcBorders", () => new W.TableCellBorders()),
        (Namespaces.Word, "tcPr", () => new W.TableCellProperties()),
        (Namespaces.Word, "tc", () => new W.TableCell()),
        (Namespaces.Word, "trPr", () => new W.TableRowProperties()),
        (Namespaces.Word, "tr", () => new W.TableRow()),
        (Namespaces.Word, "tblBorders", () => new W.TableBorders()),
        (Namespaces.Word, "tblCellMar", () => new W.TableCellMarginDefault()),
        (Namespaces.Word, "tblPr", () => new W.TableProperties()),
        (Namespaces.Word, "tblGrid", () => new W.TableGrid()),
        (Namespaces.Word, "tbl", () => new W.Table()),
        (Namespaces.Word, "hyperlink", () => new W.Hyperlink()),
        (Namespaces.Word, "fldSimple", () => new W.SimpleField()),
        (Namespaces.Word, "ins", () => new W.InsertedRun()),
        (Namespaces.Word, "sdtContent", () => new W.SdtContentBlock()),
        (Namespaces.Word, "sdtPr", () => new W.SdtProperties()),
        (Namespaces.Word, "sdt", () => new W.SdtBlock()),
        (Namespaces.Word, "rPr", () => new W.RunProperties()),
        (Namespaces.Word, "r", () => new W.Run()),
        (Namespaces.Word, "tabs", () => new W.Tabs()),
        (Namespaces.Word, "numPr", () => new W.NumberingProperties()),
        (Namespaces.Word, "pBdr", () => new W.ParagraphBorders()),
        (Namespaces.Word, "pPr", () => new W.ParagraphProperties()),
        (Namespaces.Word, "p", () => new W.Paragraph()),
    ];

    private static int primed;

    /// <summary>
    /// Primes the element types of the package's body unless this process has primed before, stopping between
    /// parents once <paramref name="stop"/> is cancelled (the reader has parsed its body).
    /// </summary>
    public static void PrimeOnce(byte[] package, CancellationToken stop)
    {
        if (Interlocked.Exchange(ref primed, 1) != 0)
        {
            return;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry(MainPartName(zip)) is not { } entry)
            {
                return;
            }

            using var part = entry.Open();
            Prime(FirstChildren(part, stop), stop);
        }
#pragma warning disable CA1031 // Priming only saves time: whatever it cannot read, the reader reports properly.
        catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// For each parent element name in the body (namespace, local name), the first child element seen in it:
    /// enough to make the SDK build that parent's child list.
    /// </summary>
    internal static Dictionary<(string Namespace, string Name), (string Namespace, string Name)> FirstChildren(Stream documentPart, CancellationToken stop = default)
    {
        var children = new Dictionary<(string, string), (string, string)>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            XmlResolver = null,
        };
        using var reader = XmlReader.Create(documentPart, settings);
        var path = new Stack<(string, string)>();
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var name = (reader.NamespaceURI, reader.LocalName);
                if (path.Count > 0)
                {
                    children.TryAdd(path.Peek(), name);
                }

                if (!reader.IsEmptyElement)
                {
                    path.Push(name);
                }

                if ((++elements & 1023) == 0 && stop.IsCancellationRequested)
                {
                    break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && path.Count > 0)
            {
                path.Pop();
            }
        }

        return children;
    }

    /// <summary>Builds the child lists of the listed parents present in the body, deepest first, until stopped.</summary>
    internal static int Prime(IReadOnlyDictionary<(string Namespace, string Name), (string Namespace, string Name)> firstChildren, CancellationToken stop = default)
    {
        var primed = 0;
        foreach (var (ns, name, create) in Parents)
        {
            if (stop.IsCancellationRequested)
            {
                break;
            }

            if (!firstChildren.TryGetValue((ns, name), out var child))
            {
                continue;
            }

            var parent = create();
            parent.InnerXml = $"<c:{child.Name} xmlns:c=\"{child.Namespace}\"/>";
            _ = parent.FirstChild;
            primed++;
        }

        return primed;
    }

    /// <summary>The main document part's entry name, from the package relationships (word/document.xml in practice).</summary>
    private static string MainPartName(ZipArchive zip)
    {
        const string fallback = "word/document.xml";
        if (zip.GetEntry("_rels/.rels") is not { } rels)
        {
            return fallback;
        }

        using var stream = rels.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.ReadToFollowing("Relationship", "http://schemas.openxmlformats.org/package/2006/relationships"))
        {
            if (reader.GetAttribute("Type")?.EndsWith("/officeDocument", StringComparison.Ordinal) == true
                && reader.GetAttribute("Target") is { Length: > 0 } target)
            {
                return target.TrimStart('/');
            }
        }

        return fallback;
    }

    private static class Namespaces
    {
        public const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        public const string DrawingMain = "http://schemas.openxmlformats.org/drawingml/2006/main";
        public const string Picture = "http://schemas.openxmlformats.org/drawingml/2006/picture";
        public const string WordDrawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
        public const string Vml = "urn:schemas-microsoft-com:vml";
    }
}
