using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PressPipeline.Conversion.Rendering.Pdf.Layout;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// What SkiaSharp 4.155 cannot say through its API — the document outline (bookmarks) and the catalog's
/// /Lang — added as a standard PDF incremental update: the catalog object is rewritten under its own
/// number with /Outlines and /Lang, outline items point at the named destinations Skia already wrote
/// for the headings, and a new cross-reference section with /Prev chains to Skia's. Skia's own bytes are
/// untouched. If Skia's output ever looks different from what is expected here, the PDF is returned as
/// it was (no outline) rather than risk a broken file.
/// </summary>
internal static partial class CatalogAmendment
{
    public static byte[] Amend(byte[] pdf, IReadOnlyList<OutlineEntry> outline, string? language)
    {
        // Only the trailer and the catalog are read as text: the file itself can be a large object, and
        // decoding all of it to find them cost more than the amendment.
        var bytes = pdf.AsSpan();
        var trailerAt = bytes.LastIndexOf("trailer"u8);
        var startXrefAt = bytes.LastIndexOf("startxref"u8);
        if (trailerAt < 0 || startXrefAt < trailerAt)
        {
            return pdf;
        }

        var trailer = Encoding.Latin1.GetString(bytes[trailerAt..startXrefAt]);
        var size = Match(SizePattern(), trailer);
        var root = Match(RootPattern(), trailer);
        var info = Match(InfoPattern(), trailer);
        var id = IdPattern().Match(trailer);
        var previous = Match(NumberPattern(), Encoding.Latin1.GetString(bytes[(startXrefAt + "startxref".Length)..]));
        if (size is null || root is null || previous is null)
        {
            return pdf;
        }

        var catalogHeader = Encoding.ASCII.GetBytes($"\n{root} 0 obj");
        var catalogAt = bytes.IndexOf(catalogHeader);
        var catalogLength = catalogAt < 0 ? -1 : bytes[catalogAt..].IndexOf("endobj"u8);
        if (catalogLength < 0)
        {
            return pdf;
        }

        var catalog = Encoding.Latin1.GetString(bytes.Slice(catalogAt + catalogHeader.Length, catalogLength - catalogHeader.Length)).Trim();
        if (!catalog.StartsWith("<<", StringComparison.Ordinal) || !catalog.EndsWith(">>", StringComparison.Ordinal)
            || catalog.Contains("/Outlines", StringComparison.Ordinal))
        {
            return pdf;
        }

        var nextNumber = int.Parse(size, CultureInfo.InvariantCulture);
        var objects = new List<(int Number, string Body)>();
        var additions = new StringBuilder();
        if (outline.Count > 0)
        {
            var outlineRoot = nextNumber;
            objects.AddRange(OutlineObjects(outline, outlineRoot));
            additions.Append(CultureInfo.InvariantCulture, $"\n/Outlines {outlineRoot} 0 R\n/PageMode /UseOutlines");
        }

        if (!string.IsNullOrWhiteSpace(language) && !catalog.Contains("/Lang", StringComparison.Ordinal))
        {
            additions.Append("\n/Lang ").Append(PdfString(language));
        }

        if (additions.Length == 0)
        {
            return pdf;
        }

        objects.Insert(0, (int.Parse(root, CultureInfo.InvariantCulture), catalog[..^2] + additions + ">>"));
        // The rewritten catalog keeps its number; the rest are new, so the highest number is size + new - 1.
        return Append(pdf, objects, nextNumber + objects.Count - 2, root, info, id.Success ? id.Value : null, previous);
    }

    private static byte[] Append(byte[] pdf, List<(int Number, string Body)> objects, int highestNumber, string root, string? info, string? id, string previous)
    {
        // The update is written on its own, then the file and it are copied once into the result.
        var separator = pdf[^1] != '\n' ? "\n" : string.Empty;
        using var update = new MemoryStream(4096);
        void Write(string value) => update.Write(Encoding.Latin1.GetBytes(value));
        Write(separator);
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = pdf.Length + update.Position;
            Write(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n"));
        }

        var xrefAt = pdf.Length + update.Position;
        var xref = new StringBuilder("xref\n");
        foreach (var run in Runs(offsets.Keys.ToList()))
        {
            xref.Append(CultureInfo.InvariantCulture, $"{run[0]} {run.Count}\n");
            foreach (var number in run)
            {
                xref.Append(CultureInfo.InvariantCulture, $"{offsets[number]:D10} 00000 n \n");
            }
        }

        Write(xref.ToString());
        var trailer = new StringBuilder("trailer\n<</Size ").Append(highestNumber + 1).Append(CultureInfo.InvariantCulture, $"\n/Root {root} 0 R");
        if (info is not null)
        {
            trailer.Append(CultureInfo.InvariantCulture, $"\n/Info {info} 0 R");
        }

        if (id is not null)
        {
            trailer.Append('\n').Append(id);
        }

        trailer.Append(CultureInfo.InvariantCulture, $"\n/Prev {previous}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        Write(trailer.ToString());

        var output = new byte[pdf.Length + update.Length];
        pdf.CopyTo(output, 0);
        update.GetBuffer().AsSpan(0, (int)update.Length).CopyTo(output.AsSpan(pdf.Length));
        return output;
    }

    // Outline items form a tree by heading level; each points at its heading's named destination.
    private static List<(int Number, string Body)> OutlineObjects(IReadOnlyList<OutlineEntry> entries, int rootNumber)
    {
        var nodes = entries.Select((entry, index) => new Node(entry, rootNumber + 1 + index)).ToList();
        var root = new Node(null, rootNumber);
        var stack = new Stack<Node>();
        stack.Push(root);
        foreach (var node in nodes)
        {
            while (stack.Count > 1 && stack.Peek().Entry!.Level >= node.Entry!.Level)
            {
                stack.Pop();
            }

            node.Parent = stack.Peek();
            stack.Peek().Children.Add(node);
            stack.Push(node);
        }

        var objects = new List<(int, string)> { (root.Number, $"<</Type /Outlines{Links(root)}\n/Count {Descendants(root)}>>") };
        foreach (var node in nodes)
        {
            var siblings = node.Parent!.Children;
            var at = siblings.IndexOf(node);
            var body = new StringBuilder("<</Title ").Append(PdfString(node.Entry!.Title.Length > 0 ? node.Entry.Title : "—"));
            body.Append(CultureInfo.InvariantCulture, $"\n/Parent {node.Parent.Number} 0 R");
            if (at > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/Prev {siblings[at - 1].Number} 0 R");
            }

            if (at + 1 < siblings.Count)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/Next {siblings[at + 1].Number} 0 R");
            }

            body.Append(Links(node));
            if (node.Children.Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/Count {Descendants(node)}");
            }

            body.Append("\n/Dest /").Append(PdfName(node.Entry.Destination)).Append(">>");
            objects.Add((node.Number, body.ToString()));
        }

        return objects;
    }

    private static string Links(Node node) => node.Children.Count == 0
        ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $"\n/First {node.Children[0].Number} 0 R\n/Last {node.Children[^1].Number} 0 R");

    private static int Descendants(Node node) => node.Children.Count + node.Children.Sum(Descendants);

    private static IEnumerable<List<int>> Runs(List<int> numbers)
    {
        var run = new List<int>();
        foreach (var number in numbers)
        {
            if (run.Count > 0 && number != run[^1] + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(number);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>Plain ASCII as a literal string; anything else as UTF-16BE hex with a byte-order mark.</summary>
    private static string PdfString(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.' or ',' or ':')
            ? "(" + value + ")"
            : "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    // Destination names are ours ("h-3", "a-bookmark"): escape anything outside the regular characters.
    private static string PdfName(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is > 0x20 and < 0x7F && "()<>[]{}/%#".IndexOf((char)b, StringComparison.Ordinal) < 0)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"#{b:X2}");
            }
        }

        return builder.ToString();
    }

    private static string? Match(Regex regex, string text) => regex.Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"/Info\s+(\d+)\s+0\s+R")]
    private static partial Regex InfoPattern();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\s*(\d+)")]
    private static partial Regex NumberPattern();

    private sealed class Node(OutlineEntry? entry, int number)
    {
        public OutlineEntry? Entry { get; } = entry;

        public int Number { get; } = number;

        public Node? Parent { get; set; }

        public List<Node> Children { get; } = [];
    }
}
