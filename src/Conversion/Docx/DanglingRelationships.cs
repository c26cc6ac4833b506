using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// A relationship whose internal target is not in the package (a picture or a style sheet pointed at a part that
/// was never saved) makes the Open XML SDK refuse the whole package, where Word repairs the file and opens it
/// without that part. Such relationships are dropped from a copy of the package before it is read; what they
/// pointed at is then simply absent, as for any optional part. The main document's own relationship is never
/// dropped: without it there is nothing to read, and the package is refused as before.
/// </summary>
internal static class DanglingRelationships
{
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    public const string Code = "part.missing";

    public const string Message =
        "Part of the document (a picture, style sheet or note) points to something the file does not contain and was left out; check the release reads completely.";

    /// <summary>The package without dangling internal relationships, and whether any was dropped.</summary>
    public static (byte[] Package, bool Dropped) Remove(byte[] package)
    {
        try
        {
            using var input = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            var parts = new HashSet<string>(input.Entries.Select(e => e.FullName.TrimStart('/')), StringComparer.OrdinalIgnoreCase);
            var rewritten = new Dictionary<string, XDocument>(StringComparer.Ordinal);
            foreach (var entry in input.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                if (Clean(entry, parts) is { } cleaned)
                {
                    rewritten[entry.FullName] = cleaned;
                }
            }

            return rewritten.Count == 0 ? (package, false) : (Rewrite(input, rewritten), true);
        }
        catch (Exception error) when (error is InvalidDataException or XmlException or IOException)
        {
            return (package, false); // the package's own damage is judged where the package is opened
        }
    }

    private static XDocument? Clean(ZipArchiveEntry rels, HashSet<string> parts)
    {
        XDocument xml;
        using (var stream = rels.Open())
        {
            xml = XDocument.Load(stream);
        }

        var folder = SourceFolder(rels.FullName);
        var dangling = xml.Descendants(Relationships + "Relationship")
            .Where(r => !string.Equals((string?)r.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            .Where(r => !((string?)r.Attribute("Type") ?? string.Empty).EndsWith("/officeDocument", StringComparison.Ordinal))
            .Where(r => (string?)r.Attribute("Target") is { Length: > 0 } target && Resolve(folder, target) is { } part && !parts.Contains(part))
            .ToList();
        if (dangling.Count == 0)
        {
            return null;
        }

        dangling.ForEach(r => r.Remove());
        return xml;
    }

    /// <summary>"word/_rels/document.xml.rels" describes "word/document.xml", whose targets resolve from "word/".</summary>
    private static string SourceFolder(string relsName)
    {
        var slash = relsName.LastIndexOf("_rels/", StringComparison.OrdinalIgnoreCase);
        return slash < 0 ? string.Empty : relsName[..slash];
    }

    private static string? Resolve(string folder, string target)
    {
        var withoutFragment = target.Split('#')[0];
        if (withoutFragment.Length == 0 || withoutFragment.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(withoutFragment);
        var segments = new List<string>();
        foreach (var segment in (path.StartsWith('/') ? path : folder + path).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    private static byte[] Rewrite(ZipArchive input, Dictionary<string, XDocument> rewritten)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (rewritten.TryGetValue(entry.FullName, out var xml))
                {
                    xml.Save(target, SaveOptions.DisableFormatting);
                }
                else
                {
                    using var source = entry.Open();
                    source.CopyTo(target);
                }
            }
        }

        return output.ToArray();
    }
}
