using System.IO.Compression;
using System.Text;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Looks at the raw bytes and the zip central directory before Open XML touches anything, so that
/// encrypted files, macro documents, zip bombs and non-Word files are rejected with a sentence staff
/// can act on instead of an exception deep inside the SDK.
/// </summary>
internal static class PackageGuard
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private const string MacroContentType = "macroEnabled";

    /// <summary>Real documents nest elements a few dozen deep; thousands would exhaust the stack of any reader.</summary>
    private const int MaxXmlDepth = 256;

    /// <summary>Copies the upload into memory, refusing to read more than the package limit.</summary>
    public static byte[] ReadUpload(Stream docx, ConversionLimits limits)
    {
        if (docx.CanSeek && docx.Length - docx.Position > limits.MaxPackageBytes)
        {
            throw TooLarge(limits);
        }

        var bytes = BoundedCopy.ReadAll(docx, limits.MaxPackageBytes);
        return bytes ?? throw TooLarge(limits);
    }

    /// <summary>Checks everything that can be known without inflating the XML parts.</summary>
    public static void Check(byte[] package, ConversionLimits limits)
    {
        if (package.Length == 0)
        {
            throw new DocumentRejectedException(RejectionKind.Empty, "The file is empty: upload the .docx again.");
        }

        if (package.AsSpan().StartsWith(OleSignature))
        {
            throw RejectCompoundFile(package);
        }

        if (package.Length < 4 || package[0] != 'P' || package[1] != 'K')
        {
            throw new DocumentRejectedException(
                RejectionKind.NotAZip,
                "This file is not a Word document (.docx): open it in Word and save it as a Word Document (.docx), then upload it again.");
        }

        using var zip = OpenZip(package);
        try
        {
            CheckEntries(zip, package.Length, limits);
            CheckContentTypes(zip, limits);
            CheckXmlPartsInflateHonestly(zip, limits);
        }
        catch (Exception error) when (error is not DocumentRejectedException and not OutOfMemoryException)
        {
            // The zip reader reads the central directory lazily, on the first look at the entries, and reports
            // a damaged one with whatever exception fits (InvalidDataException for a wrong entry count,
            // ArgumentException or IOException for bad offsets). Every one of them means the same to staff.
            throw Damaged(error);
        }
    }

    private static ZipArchive OpenZip(byte[] package)
    {
        try
        {
            return new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw Damaged(error);
        }
    }

    private static DocumentRejectedException Damaged(Exception error) =>
        new(
            RejectionKind.CorruptPart,
            "The file is damaged or was not uploaded completely: open it in Word, save it again and upload the new copy.",
            error);

    private static void CheckEntries(ZipArchive zip, long packageBytes, ConversionLimits limits)
    {
        if (zip.Entries.Count > limits.MaxParts)
        {
            throw new DocumentRejectedException(
                RejectionKind.TooLarge,
                $"The document has too many internal parts ({zip.Entries.Count}, at most {limits.MaxParts} are accepted): save a simpler copy and upload it again.");
        }

        long expanded = 0;
        var hasMainDocument = false;
        foreach (var entry in zip.Entries)
        {
            expanded += entry.Length;
            if (entry.Length < 0 || expanded > limits.MaxExpandedBytes)
            {
                throw ZipBomb();
            }

            var compressed = Math.Max(entry.CompressedLength, 1);
            if (entry.Length > 1024 * 1024 && (double)entry.Length / compressed > limits.MaxCompressionRatio)
            {
                throw ZipBomb();
            }

            var name = entry.FullName;
            if (name.Equals("word/vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            {
                throw MacroEnabled();
            }

            if (name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)
                || name.Equals("ppt/presentation.xml", StringComparison.OrdinalIgnoreCase))
            {
                throw NotWord("This is an Excel or PowerPoint file, not a Word document: upload the press release as a Word Document (.docx).");
            }

            hasMainDocument |= name.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase)
                || name.Equals("word/document2.xml", StringComparison.OrdinalIgnoreCase);
        }

        // Ratio over the whole package as well: many small entries can add up to a bomb.
        if (expanded > 1024 * 1024 && (double)expanded / Math.Max(packageBytes, 1) > limits.MaxCompressionRatio)
        {
            throw ZipBomb();
        }

        if (zip.GetEntry("[Content_Types].xml") is null)
        {
            throw NotWord("This zip file is not a Word document: upload the press release as a Word Document (.docx).");
        }

        _ = hasMainDocument; // The main part may live elsewhere; the SDK decides after the guard.
    }

    private static void CheckContentTypes(ZipArchive zip, ConversionLimits limits)
    {
        var entry = zip.GetEntry("[Content_Types].xml")!;
        var text = ReadEntryText(entry, limits);
        if (text.Contains(MacroContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw MacroEnabled();
        }

        if (!text.Contains("wordprocessingml", StringComparison.OrdinalIgnoreCase))
        {
            throw NotWord("This file is not a Word document: upload the press release as a Word Document (.docx).");
        }
    }

    /// <summary>
    /// The central directory can lie about sizes. Every part the SDK will parse is inflated here once with a
    /// hard cap (its declared size, and the expanded-size limit overall) so a lying entry is caught before
    /// the SDK inflates it without bounds, and its nesting is measured with an XML reader. A part is taken for
    /// XML by its first bytes as well as by its name, since a relationship can point the SDK at any name. Other
    /// parts (pictures) are not inflated here: the reader copies them bounded.
    /// </summary>
    private static void CheckXmlPartsInflateHonestly(ZipArchive zip, ConversionLimits limits)
    {
        var budget = new ExpansionBudget(limits.MaxExpandedBytes);
        foreach (var entry in zip.Entries)
        {
            try
            {
                if (!IsXml(entry))
                {
                    continue;
                }

                using var stream = new InflationCheck(entry.Open(), entry.Length, budget);
                if (NestingMeter.Deepest(stream, MaxXmlDepth) > MaxXmlDepth)
                {
                    throw new DocumentRejectedException(
                        RejectionKind.CorruptPart,
                        $"Part of the document ({entry.FullName}) is nested far deeper than any real document: open the file in Word, save it again and upload the new copy.");
                }

                stream.ReadToEnd();
            }
            catch (Exception error) when (error is InvalidDataException or IOException or NotSupportedException)
            {
                throw Corrupt(entry.FullName, error);
            }
        }
    }

    private static bool IsXml(ZipArchiveEntry entry)
    {
        var name = entry.FullName;
        if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Span<byte> start = stackalloc byte[64];
        using var stream = entry.Open();
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return NestingMeter.LooksLikeXml(start[..read]);
    }

    private static string ReadEntryText(ZipArchiveEntry entry, ConversionLimits limits)
    {
        try
        {
            using var stream = entry.Open();
            var bytes = BoundedCopy.ReadAll(stream, Math.Min(entry.Length, limits.MaxExpandedBytes)) ?? throw ZipBomb();
            return Encoding.UTF8.GetString(bytes);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or NotSupportedException)
        {
            throw Corrupt(entry.FullName, error);
        }
    }

    /// <summary>
    /// An OLE compound file is either an old .doc or an encrypted/IRM-protected .docx (Office wraps those in
    /// a compound file with EncryptionInfo / DRM streams). The stream names sit in the directory as UTF-16.
    /// </summary>
    private static DocumentRejectedException RejectCompoundFile(byte[] package)
    {
        var span = package.AsSpan();
        if (ContainsUtf16(span, "DRMEncrypted") || ContainsUtf16(span, "DRMContent"))
        {
            return new DocumentRejectedException(
                RejectionKind.RightsManaged,
                "This file is protected with rights management (IRM): open it in Word, remove the restriction (File › Info › Protect Document › Restrict Access) and upload it again.");
        }

        if (ContainsUtf16(span, "EncryptionInfo") || ContainsUtf16(span, "EncryptedPackage"))
        {
            return new DocumentRejectedException(
                RejectionKind.PasswordProtected,
                "This file is password-protected: open it in Word, remove the password (File › Info › Protect Document) and upload it again.");
        }

        return NotWord("This is an old Word 97–2003 (.doc) or other Office file: open it in Word, save it as a Word Document (.docx) and upload it again.");
    }

    private static bool ContainsUtf16(ReadOnlySpan<byte> haystack, string needle) =>
        haystack.IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0;

    internal static DocumentRejectedException Corrupt(string partName, Exception? inner = null) =>
        new(
            RejectionKind.CorruptPart,
            $"Part of the document ({partName}) is damaged: open the file in Word, save it again and upload the new copy.",
            inner);

    internal static DocumentRejectedException ZipBomb() =>
        new(
            RejectionKind.ZipBomb,
            "This file expands to far more data than a press release can contain, so it was not opened: save the document again from Word and upload the new copy.");

    internal static DocumentRejectedException TooLarge(ConversionLimits limits) =>
        new(
            RejectionKind.TooLarge,
            $"The file is larger than {limits.MaxPackageBytes / (1024 * 1024)} MB: compress the pictures in Word (Picture Format › Compress Pictures) and upload it again.");

    internal static DocumentRejectedException NotWord(string sentence) => new(RejectionKind.NotAWordDocument, sentence);

    private static DocumentRejectedException MacroEnabled() =>
        new(
            RejectionKind.MacroEnabled,
            "This is a macro-enabled document (.docm), which is not accepted: save it in Word as a Word Document (.docx) and upload it again.");
}
