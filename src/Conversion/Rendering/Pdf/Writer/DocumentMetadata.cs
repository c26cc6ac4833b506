using System.Globalization;
using System.Security;
using System.Text;

namespace PressPipeline.Conversion.Rendering.Pdf.Writer;

/// <summary>
/// The document's own facts for the Info dictionary and the XMP packet. PDF/A wants the two to agree,
/// so both are written from this one record; dates come from the document, never the clock.
/// </summary>
internal sealed record DocumentMetadata(
    string Title,
    string Author,
    string Subject,
    string Keywords,
    string Creator,
    string Producer,
    DateTimeOffset? Created,
    DateTimeOffset? Modified)
{
    public void WriteInfo(PdfFile file, int number) => file.Dictionary(number, d =>
    {
        Entry(d, "Title", Title);
        Entry(d, "Author", Author);
        Entry(d, "Subject", Subject);
        Entry(d, "Keywords", Keywords);
        Entry(d, "Creator", Creator);
        Entry(d, "Producer", Producer);
        if (Created is { } created)
        {
            d.Ascii("/CreationDate").Text(PdfDate(created));
        }

        if (Modified is { } modified)
        {
            d.Ascii("/ModDate").Text(PdfDate(modified));
        }
    });

    /// <summary>The XMP packet, uncompressed as PDF/A asks, with PDF/A-2b identification.</summary>
    public void WriteXmp(PdfFile file, int number, byte[] documentId)
    {
        var id = new Guid(documentId).ToString("D", CultureInfo.InvariantCulture);
        var xml = new StringBuilder()
            .Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
            .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
            .Append(" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
            .Append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
            .Append("<dc:format>application/pdf</dc:format>\n");
        if (Title.Length > 0)
        {
            xml.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Escape(Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        }

        if (Author.Length > 0)
        {
            xml.Append("<dc:creator><rdf:Seq><rdf:li>").Append(Escape(Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        }

        if (Subject.Length > 0)
        {
            xml.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Escape(Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        }

        if (Keywords.Length > 0)
        {
            xml.Append("<pdf:Keywords>").Append(Escape(Keywords)).Append("</pdf:Keywords>\n");
        }

        xml.Append("<xmp:CreatorTool>").Append(Escape(Creator)).Append("</xmp:CreatorTool>\n")
            .Append("<pdf:Producer>").Append(Escape(Producer)).Append("</pdf:Producer>\n");
        if (Created is { } created)
        {
            xml.Append("<xmp:CreateDate>").Append(XmpDate(created)).Append("</xmp:CreateDate>\n");
        }

        if (Modified is { } modified)
        {
            xml.Append("<xmp:ModifyDate>").Append(XmpDate(modified)).Append("</xmp:ModifyDate>\n");
        }

        xml.Append("<xmpMM:DocumentID>uuid:").Append(id).Append("</xmpMM:DocumentID>\n")
            .Append("<xmpMM:InstanceID>uuid:").Append(id).Append("</xmpMM:InstanceID>\n")
            .Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        file.Stream(number, Encoding.UTF8.GetBytes(xml.ToString()), null, d => d.Ascii("/Type/Metadata/Subtype/XML"));
    }

    private static void Entry(PdfBytes d, string key, string value)
    {
        if (value.Length > 0)
        {
            d.Byte((byte)'/').Ascii(key).Text(value);
        }
    }

    private static string PdfDate(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("'D:'yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'";

    private static string XmpDate(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";

    // XML 1.0 has no place for control characters; a stray one in a Word title would make the packet unreadable.
    private static string Escape(string value) =>
        SecurityElement.Escape(new string(value.Where(c => c >= ' ' || c is '\t' or '\n').ToArray())) ?? string.Empty;
}
