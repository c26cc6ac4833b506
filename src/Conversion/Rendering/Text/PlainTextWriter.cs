using System.Globalization;
using System.Text;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Rendering.Text;

/// <summary>
/// Writes model blocks as plain text lines of at most 72 columns: headings underlined, lists with markers
/// and hanging indents, tables as a grid when they fit and as labelled records when they do not, links as
/// numbered references "[1]" collected for a list at the end, notes as "[^1]".
/// </summary>
/// <param name="release">The release being written, to say where a warning is.</param>
internal sealed class PlainTextWriter(PressRelease release, string imageLabel, List<ConversionWarning> warnings)
{
    private readonly List<string> references = [];

    /// <summary>Links in order of first appearance; index + 1 is the number shown in the text.</summary>
    public IReadOnlyList<string> References => references;

    public string Write(IReadOnlyList<Block> blocks, string indent = "")
    {
        var lines = new List<string>();
        WriteBlocks(blocks, indent, lines);
        return string.Join('\n', lines);
    }

    /// <summary>A heading: wrapped text underlined with <paramref name="rule"/> as long as its longest line.</summary>
    public static string Underlined(string text, char rule)
    {
        var lines = new List<string>();
        TextWrapper.Wrap(text, string.Empty, string.Empty, lines);
        var width = Math.Min(TextWrapper.Width, lines.Max(TextWrapper.Columns));
        lines.Add(new string(rule, Math.Max(width, 3)));
        return string.Join('\n', lines);
    }

    /// <summary>Wrapped plain text (a subtitle, a release line).</summary>
    public static string Wrapped(string text, string indent = "")
    {
        var lines = new List<string>();
        TextWrapper.Wrap(text, indent, indent, lines);
        return string.Join('\n', lines);
    }

    public string Notes(IReadOnlyList<Note> notes, IReadOnlyDictionary<string, string> labels)
    {
        var parts = new List<string>();
        foreach (var kind in new[] { NoteKind.Footnote, NoteKind.Endnote })
        {
            var ofKind = notes.Where(n => n.Kind == kind).OrderBy(n => n.Number).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            var lines = new List<string> { Underlined(labels[kind == NoteKind.Footnote ? "notes" : "endnotes"], '-'), string.Empty };
            foreach (var note in ofKind)
            {
                var marker = $"[^{note.Number.ToString(CultureInfo.InvariantCulture)}] ";
                var text = string.Join(' ', note.Blocks.Select(BlockText));
                TextWrapper.Wrap(text.Trim(), marker, new string(' ', marker.Length), lines);
            }

            parts.Add(string.Join('\n', lines));
        }

        return string.Join("\n\n", parts);
    }

    public string ReferenceList(IReadOnlyDictionary<string, string> labels)
    {
        if (references.Count == 0)
        {
            return string.Empty;
        }

        var lines = new List<string> { Underlined(labels["references"], '-'), string.Empty };
        for (var i = 0; i < references.Count; i++)
        {
            var marker = $"[{(i + 1).ToString(CultureInfo.InvariantCulture)}] ";
            TextWrapper.Wrap(references[i], marker, new string(' ', marker.Length), lines);
        }

        return string.Join('\n', lines);
    }

    private static bool IsOwnAddress(string label, string url)
    {
        var bare = url[(url.IndexOf(':', StringComparison.Ordinal) + 1)..].TrimStart('/').TrimEnd('/');
        var shown = label.TrimEnd('/');
        return string.Equals(shown, url.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            || string.Equals(shown, bare, StringComparison.OrdinalIgnoreCase);
    }

    private void WriteBlocks(IReadOnlyList<Block> blocks, string indent, List<string> lines)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i > 0 && lines.Count > 0)
            {
                lines.Add(string.Empty);
            }

            WriteBlock(blocks[i], indent, indent, lines);
        }
    }

    private void WriteBlock(Block block, string firstPrefix, string restPrefix, List<string> lines)
    {
        switch (block)
        {
            case Heading heading:
                foreach (var line in Underlined(InlineText(heading.Content), heading.Level <= 1 ? '-' : '~').Split('\n'))
                {
                    lines.Add(restPrefix + line);
                }

                break;
            case Paragraph paragraph:
                TextWrapper.Wrap(InlineText(paragraph.Content).Trim(' '), firstPrefix, restPrefix, lines);
                break;
            case BlockQuote quote:
                WriteBlocks(quote.Blocks, restPrefix + "    ", lines);
                break;
            case ListBlock list:
                WriteList(list, restPrefix, lines);
                break;
            case Table table:
                WriteTable(table, restPrefix, lines);
                break;
            default:
                throw new NotSupportedException($"No text writer for {block.GetType().Name}.");
        }
    }

    private void WriteList(ListBlock list, string indent, List<string> lines)
    {
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var marker = Marker(list, i, item) + " ";
            var hanging = indent + new string(' ', TextWrapper.Columns(marker));
            var blocks = item.Blocks;
            if (blocks.Count == 0)
            {
                lines.Add(indent + marker.TrimEnd());
                continue;
            }

            for (var b = 0; b < blocks.Count; b++)
            {
                if (blocks[b] is ListBlock nested)
                {
                    WriteList(nested, hanging, lines);
                    continue;
                }

                if (b > 0)
                {
                    lines.Add(string.Empty);
                }

                WriteBlock(blocks[b], b == 0 ? indent + marker : hanging, hanging, lines);
            }
        }
    }

    /// <summary>The item's marker: "-" for bullets, Word's own label when the reader gave one, else computed.</summary>
    private static string Marker(ListBlock list, int index, ListItem item)
    {
        if (!list.IsOrdered)
        {
            return "-";
        }

        if (!string.IsNullOrWhiteSpace(item.Label))
        {
            return item.Label.Trim();
        }

        var number = list.Start + index;
        return list.Style switch
        {
            ListStyle.LowerLetter => Letters(number).ToLowerInvariant() + ".",
            ListStyle.UpperLetter => Letters(number) + ".",
            ListStyle.LowerRoman => Roman(number).ToLowerInvariant() + ".",
            ListStyle.UpperRoman => Roman(number) + ".",
            _ => number.ToString(CultureInfo.InvariantCulture) + ".",
        };
    }

    private static string Letters(int number)
    {
        var text = new StringBuilder();
        for (var n = Math.Max(number, 1); n > 0; n = (n - 1) / 26)
        {
            text.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return text.ToString();
    }

    private static string Roman(int number)
    {
        (int Value, string Digits)[] numerals =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new StringBuilder();
        var n = Math.Clamp(number, 1, 3999);
        foreach (var (value, digits) in numerals)
        {
            for (; n >= value; n -= value)
            {
                text.Append(digits);
            }
        }

        return text.ToString();
    }

    private void WriteTable(Table table, string indent, List<string> lines)
    {
        var grid = TextTableLayout.Grid(table, cell => string.Join(' ', cell.Blocks.Select(BlockText)).Replace('\n', ' ').Trim());
        TextTableLayout.Write(grid, Math.Clamp(table.HeaderRowCount, 0, grid.Count), indent, lines);
    }

    private string BlockText(Block block) => block switch
    {
        Heading heading => InlineText(heading.Content),
        Paragraph paragraph => InlineText(paragraph.Content),
        BlockQuote quote => string.Join(' ', quote.Blocks.Select(BlockText)),
        ListBlock list => string.Join(' ', list.Items.Select(i => string.Join(' ', i.Blocks.Select(BlockText)))),
        Table table => string.Join(' ', table.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Blocks).Select(BlockText)),
        _ => string.Empty,
    };

    private string InlineText(IReadOnlyList<Inline> inlines)
    {
        var text = new StringBuilder();
        AppendInlines(inlines, text);
        return text.ToString();
    }

    private void AppendInlines(IReadOnlyList<Inline> inlines, StringBuilder text)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case Model.Text run:
                    text.Append(run.Value.Replace('\n', ' ').Replace('\r', ' '));
                    break;
                case Hyperlink link:
                    AppendLink(link, text);
                    break;
                case InternalLink link:
                    AppendInlines(link.Content, text);
                    break;
                case LineBreak:
                    text.Append('\n');
                    break;
                case Tab:
                    text.Append(' ');
                    break;
                case Image image:
                    text.Append('[').Append(imageLabel);
                    if (!string.IsNullOrWhiteSpace(image.AltText))
                    {
                        text.Append(": ").Append(image.AltText.Replace('\n', ' '));
                    }

                    text.Append(']');
                    break;
                case NoteReference reference:
                    text.Append("[^").Append(reference.Number.ToString(CultureInfo.InvariantCulture)).Append(']');
                    break;
                default:
                    break;
            }
        }
    }

    private void AppendLink(Hyperlink link, StringBuilder text)
    {
        var label = InlineText(link.Content);
        var url = SafeUrl.Format(link.Target);
        if (url is null)
        {
            warnings.Add(SafeUrl.Dropped(link.Target, "text") with { Location = ModelPlaces.Of(release, link) });
            text.Append(label);
            return;
        }

        // A link whose text is its own address needs no reference: the address is already there.
        if (IsOwnAddress(label.Trim(), url))
        {
            text.Append(label);
            return;
        }

        var index = references.IndexOf(url);
        if (index < 0)
        {
            references.Add(url);
            index = references.Count - 1;
        }

        text.Append(label).Append(" [").Append((index + 1).ToString(CultureInfo.InvariantCulture)).Append(']');
    }
}
