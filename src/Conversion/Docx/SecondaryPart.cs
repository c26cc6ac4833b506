using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Reads a part the release can do without (styles, numbering, settings, notes, document properties). When its
/// XML is damaged, Word offers to repair the file and opens it without that part; so does this reader: the part
/// is left out with one warning and the caller's fallback stands in for it. The main document part is never read
/// through here: when it is damaged the document is refused.
/// </summary>
internal static class SecondaryPart
{
    public const string DamagedCode = "part.damaged";

    public static T Read<T>(Warnings warnings, string part, Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (IsDamage(error))
        {
            warnings.Add(DamagedCode, Message(part));
            return fallback;
        }
    }

    /// <summary>What a damaged part throws from the SDK (bad XML, a bad relationship, a bad value), not our own bugs' kinds.</summary>
    private static bool IsDamage(Exception error) =>
        error is XmlException or OpenXmlPackageException or FormatException or InvalidDataException
            or InvalidOperationException or ArgumentException or OverflowException;

    private static string Message(string part) => part switch
    {
        "styles" => "The document's styles could not be read and were left out, so headings may show as plain paragraphs: open the file in Word, save it again and upload the new copy.",
        "numbering" => "The document's list numbering could not be read and was left out, so lists show as plain paragraphs: open the file in Word, save it again and upload the new copy.",
        "notes" => "The document's footnotes or endnotes could not be read and were left out: open the file in Word, save it again and upload the new copy.",
        "headers" => "The document's page headers or footers could not be read, so text in them was not checked; they are never part of the release: open the file in Word, save it again and upload the new copy.",
        "settings" => "The document's settings could not be read and Word's defaults were used instead; check the language of the release.",
        _ => "The document's properties (author, dates) could not be read and were left out.",
    };
}
