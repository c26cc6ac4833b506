using System.Xml;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Measures how deeply XML elements nest with a real XML reader, so quoting, comments and CDATA are read as XML
/// readers read them (a "/&gt;" inside an attribute value no longer passes for a self-closing tag). It stops at
/// the first element past the limit, so a hostile part is refused after reading only as far as that element.
/// </summary>
internal static class NestingMeter
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // No DTD: no entity expansion and no external fetches; the Open XML SDK refuses DTDs as well.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        // Characters Word never writes are the reader's business (a warning or a refusal there), not the meter's.
        CheckCharacters = false,
        CloseInput = false,
    };

    /// <summary>
    /// The deepest element nesting in <paramref name="xml"/>, reading no further than the first element deeper than
    /// <paramref name="limit"/>. XML that is not well-formed is measured up to the fault: no reader can nest past it.
    /// </summary>
    public static int Deepest(Stream xml, int limit)
    {
        var deepest = 0;
        try
        {
            using var reader = XmlReader.Create(xml, Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth + 1 > deepest)
                {
                    deepest = reader.Depth + 1;
                    if (deepest > limit)
                    {
                        return deepest;
                    }
                }
            }
        }
        catch (XmlException)
        {
            // Measured as far as it is XML; whoever parses the part meets the same fault at the same place.
        }

        return deepest;
    }

    /// <summary>
    /// Whether bytes that begin like this are XML (optionally after a byte-order mark or whitespace), so a part is
    /// measured whatever its name: the main document can be called word/document.dat and still be parsed.
    /// </summary>
    public static bool LooksLikeXml(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true; // UTF-16
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        start = start.TrimStart(" \t\r\n"u8);
        return start.Length > 0 && start[0] == (byte)'<';
    }
}
