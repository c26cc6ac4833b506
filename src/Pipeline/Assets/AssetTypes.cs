using System.IO.Compression;
using System.Text;

namespace PressPipeline.Pipeline.Assets;

/// <summary>A type of file a release may carry, as its bytes show it (never as its name says).</summary>
/// <param name="Extension">The extension the published file gets, whatever the uploaded name said (".jpg", ".xlsx").</param>
/// <param name="Label">How readers see it next to the download link ("PDF", "JPEG photo", "Excel workbook").</param>
public sealed record AssetType(string ContentType, string Extension, string Label)
{
    public static readonly AssetType Pdf = new("application/pdf", ".pdf", "PDF");
    public static readonly AssetType Jpeg = new("image/jpeg", ".jpg", "JPEG photo");
    public static readonly AssetType Png = new("image/png", ".png", "PNG image");
    public static readonly AssetType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word document");
    public static readonly AssetType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel workbook");
    public static readonly AssetType Csv = new("text/csv; charset=utf-8", ".csv", "CSV table");
    public static readonly AssetType Zip = new("application/zip", ".zip", "ZIP archive");

    /// <summary>The allow-list: nothing else is ever stored or published with a release.</summary>
    public static IReadOnlyList<AssetType> All { get; } = [Pdf, Jpeg, Png, Docx, Xlsx, Csv, Zip];

    /// <summary>True when <paramref name="contentType"/> is one of the allow-list's (what the publisher and file route serve).</summary>
    public static bool IsAllowed(string contentType) => All.Any(t => t.ContentType.Equals(contentType, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What the bytes of a file turned out to be.</summary>
public abstract record Sniffed
{
    private Sniffed()
    {
    }

    public sealed record Allowed(AssetType Type) : Sniffed;

    /// <summary>
    /// Not publishable. The sentence staff read is "'name' {Why}, so it was not added; {Advice}."
    /// </summary>
    public sealed record Refused(string Why, string? Advice = null) : Sniffed;
}

/// <summary>
/// Tells a file's type from its bytes: magic numbers for PDF, JPEG and PNG; for ZIP containers the
/// <c>[Content_Types].xml</c> part tells Word and Excel files from plain archives (and macro-enabled ones are
/// refused); CSV is strict UTF-8 text that does not look like markup. Programs (Windows, Linux, macOS, scripts),
/// web pages and SVG drawings are refused by name of what they are, anything else as unknown.
/// </summary>
public static class AssetSniffer
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>Names inside a ZIP that are programs or scripts a double-click would run.</summary>
    private static readonly string[] RunnableExtensions =
    [
        ".exe", ".dll", ".com", ".scr", ".msi", ".msp", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh",
        ".hta", ".lnk", ".jar", ".sh", ".app", ".apk", ".elf", ".bin", ".run", ".pif", ".cpl", ".reg", ".docm", ".xlsm", ".pptm",
    ];

    public static Sniffed Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return new Sniffed.Refused("is empty", "check the file and add it again");
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return new Sniffed.Allowed(AssetType.Pdf);
        }

        if (Starts(bytes, 0xFF, 0xD8, 0xFF))
        {
            return new Sniffed.Allowed(AssetType.Jpeg);
        }

        if (Starts(bytes, 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return new Sniffed.Allowed(AssetType.Png);
        }

        if (IsProgram(bytes))
        {
            return new Sniffed.Refused("is a program, and programs are never published with a release");
        }

        if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8))
        {
            return Container(bytes.ToArray());
        }

        return Text(bytes);
    }

    private static bool IsProgram(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("MZ"u8) // Windows .exe, .dll
        || Starts(bytes, 0x7F, (byte)'E', (byte)'L', (byte)'F') // Linux ELF
        || Starts(bytes, 0xCF, 0xFA, 0xED, 0xFE) || Starts(bytes, 0xCE, 0xFA, 0xED, 0xFE) // Mach-O
        || Starts(bytes, 0xCA, 0xFE, 0xBA, 0xBE) // Mach-O universal, Java class
        || bytes.StartsWith("#!"u8) // script with an interpreter line
        || Starts(bytes, 0xD0, 0xCF, 0x11, 0xE0); // OLE2: old .doc/.xls/.msi, where macros live

    private static Sniffed Container(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml") is { } part ? ReadPart(part) : null;
            if (types is not null)
            {
                if (types.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                {
                    return new Sniffed.Refused("contains macros, which could run on readers' computers", "save it as a .docx or .xlsx without macros");
                }

                if (types.Contains(WordMain, StringComparison.Ordinal))
                {
                    return new Sniffed.Allowed(AssetType.Docx);
                }

                if (types.Contains(ExcelMain, StringComparison.Ordinal))
                {
                    return new Sniffed.Allowed(AssetType.Xlsx);
                }

                return new Sniffed.Refused("is an Office file other than a Word document or Excel workbook", "save it as PDF");
            }

            var runnable = zip.Entries.FirstOrDefault(e => RunnableExtensions.Any(x => e.FullName.EndsWith(x, StringComparison.OrdinalIgnoreCase)));
            return runnable is null
                ? new Sniffed.Allowed(AssetType.Zip)
                : new Sniffed.Refused($"is a ZIP archive with a program or macro file inside ({runnable.FullName})", "take it out and add the archive again");
        }
        catch (InvalidDataException)
        {
            return new Sniffed.Refused("looks like a ZIP archive but cannot be opened", "zip the files again");
        }
    }

    private static string ReadPart(ZipArchiveEntry part)
    {
        // The part is a few hundred bytes; cap the read so a crafted archive cannot make us inflate gigabytes.
        using var stream = part.Open();
        var buffer = new byte[64 * 1024];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static Sniffed Text(ReadOnlySpan<byte> bytes)
    {
        var body = Starts(bytes, 0xEF, 0xBB, 0xBF) ? bytes[3..] : bytes;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Unknown();
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
        {
            return Unknown();
        }

        var start = text.TrimStart();
        if (start.StartsWith('<'))
        {
            return start.Contains("<svg", StringComparison.OrdinalIgnoreCase)
                ? new Sniffed.Refused("is an SVG drawing, which can run scripts in readers' browsers", "export it as PNG")
                : new Sniffed.Refused("is a web page or XML file, which can run scripts in readers' browsers", "save it as PDF");
        }

        return new Sniffed.Allowed(AssetType.Csv);
    }

    private static bool Starts(ReadOnlySpan<byte> bytes, params ReadOnlySpan<byte> magic) => bytes.StartsWith(magic);

    private static Sniffed.Refused Unknown() =>
        new("is not a type we publish (PDF, JPEG or PNG photo, Word, Excel, CSV or ZIP)", "save it as one of those");
}
