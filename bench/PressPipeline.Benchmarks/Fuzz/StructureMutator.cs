using System.IO.Compression;
using System.Xml.Linq;

namespace PressPipeline.Benchmarks.Fuzz;

/// <summary>
/// Structure-aware mutation of a real .docx, seeded so every mutant can be made again: attribute values swapped for
/// other legal spellings, unknown values and empty strings; elements duplicated, reordered, removed; unknown
/// elements inserted or wrapped around content; relationship targets pointed at missing parts or made external;
/// images replaced by bytes of another type. Every part stays well-formed XML, so the reader must never refuse a
/// mutant: it converts, with warnings. (Byte-level mutation of the container lives elsewhere.)
/// </summary>
public sealed class StructureMutator(byte[] original, int seed)
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static readonly XNamespace Rels = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly string[] Spellings =
    [
        "true", "false", "on", "off", "1", "0", "TRUE", "start", "end", "left", "right", "both", "center", "distribute",
        "restart", "continue", "none", "single", "superscript", "2.0", "-1", "99999999999", "1in", "11pt", "zzz", "", " ",
    ];

    private static readonly byte[][] OtherImages =
    [
        "GIF89a\u0001\0\u0001\0\0\0\0;"u8.ToArray(),
        [0x42, 0x4D, 0x1E, 0, 0, 0, 0, 0, 0, 0, 0x1A, 0, 0, 0, 0x0C, 0, 0, 0, 1, 0, 1, 0, 1, 0, 24, 0, 0, 0, 0xFF, 0],
        "<html><script>alert(1)</script></html>"u8.ToArray(),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1],
        [],
    ];

    private readonly Random random = new(seed);

    /// <summary>What the last <see cref="Next"/> did, to name a failing mutant.</summary>
    public string LastMutation { get; private set; } = string.Empty;

    /// <summary>A new mutant of the original: one to three mutations.</summary>
    public byte[] Next()
    {
        using var stream = new MemoryStream();
        stream.Write(original);
        var done = new List<string>();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var count = random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                done.Add(MutateOnce(zip));
            }
        }

        LastMutation = string.Join("; ", done);
        return stream.ToArray();
    }

    private string MutateOnce(ZipArchive zip)
    {
        switch (random.Next(8))
        {
            case 0:
            case 1:
                return EditXml(zip, WordXml(zip), SwapAttribute);
            case 2:
                return EditXml(zip, WordXml(zip), Duplicate);
            case 3:
                return EditXml(zip, WordXml(zip), Reorder);
            case 4:
                return EditXml(zip, WordXml(zip), Remove);
            case 5:
                return EditXml(zip, WordXml(zip), InsertUnknown);
            case 6:
                return EditXml(zip, Pick(zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.Ordinal)).Select(e => e.FullName).ToList()), BreakRelationship);
            default:
                return ReplaceImage(zip);
        }
    }

    private string? WordXml(ZipArchive zip)
    {
        // Mostly the body, sometimes styles, numbering, notes or settings.
        var document = zip.Entries.FirstOrDefault(e => e.FullName == "word/document.xml")?.FullName;
        if (random.Next(3) > 0 && document is not null)
        {
            return document;
        }

        return Pick(zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => e.FullName).ToList());
    }

    private string EditXml(ZipArchive zip, string? name, Func<XDocument, string> edit)
    {
        if (name is null || zip.GetEntry(name) is not { } entry)
        {
            return "nothing to edit";
        }

        XDocument xml;
        using (var input = entry.Open())
        {
            xml = XDocument.Load(input, LoadOptions.PreserveWhitespace);
        }

        var what = edit(xml);
        entry.Delete();
        var replaced = zip.CreateEntry(name);
        using (var output = replaced.Open())
        {
            xml.Save(output, SaveOptions.DisableFormatting);
        }

        return $"{name}: {what}";
    }

    private string SwapAttribute(XDocument xml)
    {
        var attributes = xml.Descendants().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace == W).ToList();
        if (Pick(attributes) is not { } attribute)
        {
            return "no attribute";
        }

        var value = Spellings[random.Next(Spellings.Length)];
        var was = attribute.Value;
        attribute.Value = value;
        return $"{attribute.Parent!.Name.LocalName}/@{attribute.Name.LocalName} '{was}' -> '{value}'";
    }

    private string Duplicate(XDocument xml)
    {
        if (Pick(Elements(xml)) is not { } element)
        {
            return "no element";
        }

        element.AddAfterSelf(new XElement(element));
        return $"duplicated {element.Name.LocalName}";
    }

    private string Reorder(XDocument xml)
    {
        if (Pick(Elements(xml).Where(e => e.Elements().Skip(1).Any()).ToList()) is not { } parent)
        {
            return "nothing to reorder";
        }

        var children = parent.Elements().ToList();
        children.ForEach(c => c.Remove());
        parent.Add(children.OrderBy(_ => random.Next()));
        return $"reordered the children of {parent.Name.LocalName}";
    }

    private string Remove(XDocument xml)
    {
        if (Pick(Elements(xml)) is not { } element)
        {
            return "no element";
        }

        element.Remove();
        return $"removed {element.Name.LocalName}";
    }

    private string InsertUnknown(XDocument xml)
    {
        if (Pick(Elements(xml)) is not { } element)
        {
            return "no element";
        }

        if (random.Next(2) == 0)
        {
            element.AddBeforeSelf(new XElement(W + "futureThing", new XAttribute(W + "val", "x"), new XElement(W + "futureChild")));
            return $"inserted an unknown element before {element.Name.LocalName}";
        }

        element.ReplaceWith(new XElement(W + "futureWrap", new XElement(element)));
        return $"wrapped {element.Name.LocalName} in an unknown element";
    }

    private string BreakRelationship(XDocument xml)
    {
        var relationships = xml.Descendants(Rels + "Relationship").Where(r => !((string?)r.Attribute("Type") ?? string.Empty).EndsWith("/officeDocument", StringComparison.Ordinal)).ToList();
        if (Pick(relationships) is not { } relationship)
        {
            return "no relationship";
        }

        switch (random.Next(3))
        {
            case 0:
                relationship.SetAttributeValue("Target", "media/missing-" + random.Next(1000) + ".png");
                return "pointed a relationship at a missing part";
            case 1:
                relationship.SetAttributeValue("Target", "https://example.invalid/picture.png");
                relationship.SetAttributeValue("TargetMode", "External");
                return "made a relationship external";
            default:
                relationship.Remove();
                return "removed a relationship";
        }
    }

    private string ReplaceImage(ZipArchive zip)
    {
        if (Pick(zip.Entries.Where(e => e.FullName.StartsWith("word/media/", StringComparison.Ordinal)).ToList()) is not { } image)
        {
            return "no image";
        }

        var name = image.FullName;
        var bytes = OtherImages[random.Next(OtherImages.Length)];
        image.Delete();
        using (var output = zip.CreateEntry(name).Open())
        {
            output.Write(bytes);
        }

        return $"{name}: replaced by {bytes.Length} bytes of another type";
    }

    /// <summary>Elements below the root and its first child (w:body), which a mutation may touch.</summary>
    private static List<XElement> Elements(XDocument xml) =>
        xml.Root is null ? [] : [.. xml.Root.Descendants().Where(e => e.Parent != xml.Root || xml.Root.Elements().Count() > 1)];

    private T? Pick<T>(IReadOnlyList<T> items) => items.Count == 0 ? default : items[random.Next(items.Count)];
}
