using System.Globalization;
using System.Text;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Liquid;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Rendering.Html;

/// <summary>
/// Writes model blocks and inlines as HTML for the web page and the e-mail. Every piece of document text
/// and every attribute value goes through the HTML encoder; URLs pass the scheme allow-list again; nothing
/// from the document is written as markup. One method per node type, chosen by a switch.
/// </summary>
internal sealed class HtmlBodyWriter
{
    private readonly StringBuilder html = new();
    private readonly StringWriter writer;
    private readonly HtmlBodyOptions options;
    private readonly Dictionary<string, ImageResource> images;
    private readonly List<ConversionWarning> warnings;
    private readonly HashSet<string> referencedNotes = new(StringComparer.Ordinal);
    private readonly string documentLanguage;
    private readonly PressRelease release;

    public HtmlBodyWriter(PressRelease release, HtmlBodyOptions options, List<ConversionWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(release);
        writer = new StringWriter(html, CultureInfo.InvariantCulture);
        this.options = options;
        this.warnings = warnings;
        this.release = release;
        documentLanguage = release.Metadata.Language;
        images = release.Images.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The blocks as an HTML fragment.</summary>
    public string Write(IReadOnlyList<Block> blocks)
    {
        html.Clear();
        WriteBlocks(blocks);
        return html.ToString();
    }

    /// <summary>
    /// The notes section: footnotes, then endnotes, each an ordered list whose items link back to the
    /// first reference. Empty when the release has no notes.
    /// </summary>
    public string WriteNotes(IReadOnlyList<Note> notes, IReadOnlyDictionary<string, string> labels)
    {
        html.Clear();
        if (notes.Count == 0)
        {
            return string.Empty;
        }

        html.Append("<section class=\"notes\" aria-labelledby=\"notes-heading\">\n<h2 id=\"notes-heading\">");
        Encode(labels["notes"]);
        html.Append("</h2>\n");
        foreach (var kind in new[] { NoteKind.Footnote, NoteKind.Endnote })
        {
            var ofKind = notes.Where(n => n.Kind == kind).OrderBy(n => n.Number).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            html.Append(kind == NoteKind.Footnote ? "<ol class=\"footnotes\"" : "<ol class=\"endnotes\"");
            if (ofKind[0].Number != 1)
            {
                html.Append(" start=\"").Append(ofKind[0].Number.ToString(CultureInfo.InvariantCulture)).Append('"');
            }

            html.Append(">\n");
            foreach (var note in ofKind)
            {
                WriteNote(note, labels["back_to_text"]);
            }

            html.Append("</ol>\n");
        }

        html.Append("</section>");
        return html.ToString();
    }

    private void WriteNote(Note note, string backLabel)
    {
        html.Append("<li id=\"").Append(HtmlIds.Note(note.Kind, note.Id)).Append("\">");
        var backLink = new StringBuilder()
            .Append(" <a href=\"#").Append(HtmlIds.NoteReference(note.Kind, note.Id)).Append("\" aria-label=\"");
        backLink.Append(LiquidTemplates.Html.Encode(backLabel)).Append("\">↑</a>");

        // The back-link sits at the end of the note's last paragraph, as readers expect (and mammoth writes).
        var blocks = note.Blocks;
        if (blocks.Count > 0 && blocks[^1] is Paragraph last)
        {
            WriteBlocks(blocks.Take(blocks.Count - 1).ToList());
            OpenParagraph(last);
            WriteInlines(last.Content);
            html.Append(backLink).Append("</p>");
        }
        else
        {
            WriteBlocks(blocks);
            html.Append("<p>").Append(backLink).Append("</p>");
        }

        html.Append("</li>\n");
    }

    private void WriteBlocks(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            WriteBlock(block);
        }
    }

    private void WriteBlock(Block block)
    {
        switch (block)
        {
            case Heading heading:
                WriteHeading(heading);
                break;
            case Paragraph paragraph:
                OpenParagraph(paragraph);
                WriteInlines(paragraph.Content);
                html.Append("</p>\n");
                break;
            case BlockQuote quote:
                html.Append("<blockquote>\n");
                WriteBlocks(quote.Blocks);
                html.Append("</blockquote>\n");
                break;
            case ListBlock list:
                WriteList(list);
                break;
            case Table table:
                WriteTable(table);
                break;
            default:
                throw new NotSupportedException($"No HTML writer for {block.GetType().Name}.");
        }
    }

    private void WriteHeading(Heading heading)
    {
        var level = Math.Clamp(heading.Level + options.HeadingOffset, 1, 6).ToString(CultureInfo.InvariantCulture);
        html.Append("<h").Append(level);
        if (heading.AnchorId is { } anchor)
        {
            html.Append(" id=\"").Append(HtmlIds.Anchor(anchor)).Append('"');
        }

        html.Append('>');
        WriteInlines(heading.Content);
        html.Append("</h").Append(level).Append(">\n");
    }

    private void OpenParagraph(Paragraph paragraph)
    {
        html.Append("<p");
        var alignment = paragraph.Alignment switch
        {
            Alignment.Center => "align-center",
            Alignment.End => "align-end",
            Alignment.Justify => "align-justify",
            _ => null,
        };
        if (alignment is not null)
        {
            html.Append(" class=\"").Append(alignment).Append('"');
        }

        WriteDirection(paragraph.Direction);
        if (paragraph.Language is { Length: > 0 } language && !SamePrimaryLanguage(language, documentLanguage))
        {
            html.Append(" lang=\"").Append(System.Net.WebUtility.HtmlEncode(language)).Append('"');
        }

        html.Append('>');
    }

    /// <summary>"ru-RU" and "ru" are the same language for the reader of a page; "kk-KZ" inside a "ru-RU" page is not.</summary>
    private static bool SamePrimaryLanguage(string a, string b) =>
        a.Split('-')[0].Equals(b.Split('-')[0], StringComparison.OrdinalIgnoreCase);

    private void WriteDirection(TextDirection direction)
    {
        if (direction != options.DocumentDirection)
        {
            html.Append(direction == TextDirection.RightToLeft ? " dir=\"rtl\"" : " dir=\"ltr\"");
        }
    }

    private void WriteList(ListBlock list)
    {
        var tag = list.IsOrdered ? "ol" : "ul";
        html.Append('<').Append(tag);
        var (type, cssType) = list.Style switch
        {
            ListStyle.LowerLetter => ("a", "lower-alpha"),
            ListStyle.UpperLetter => ("A", "upper-alpha"),
            ListStyle.LowerRoman => ("i", "lower-roman"),
            ListStyle.UpperRoman => ("I", "upper-roman"),
            _ => ((string?)null, (string?)null),
        };
        if (type is not null)
        {
            html.Append(" type=\"").Append(type).Append("\" style=\"list-style-type: ").Append(cssType).Append('"');
        }

        if (list.Style == ListStyle.Custom)
        {
            html.Append(" class=\"list-custom\"");
        }

        if (list.IsOrdered && list.Start != 1)
        {
            html.Append(" start=\"").Append(list.Start.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append(">\n");
        foreach (var item in list.Items)
        {
            WriteListItem(item, list.Style == ListStyle.Custom);
        }

        html.Append("</").Append(tag).Append(">\n");
    }

    private void WriteListItem(ListItem item, bool writeLabel)
    {
        html.Append("<li>");
        if (writeLabel)
        {
            html.Append("<span class=\"list-label\">");
            Encode(item.Label);
            html.Append("</span> ");
        }

        // A tight item: the first paragraph's text goes straight into <li>, as Word shows it and mammoth writes it.
        var blocks = item.Blocks;
        var rest = 0;
        if (blocks.Count > 0 && blocks[0] is Paragraph first && first.Alignment == Alignment.Start && first.Direction == options.DocumentDirection)
        {
            WriteInlines(first.Content);
            rest = 1;
        }

        for (var i = rest; i < blocks.Count; i++)
        {
            WriteBlock(blocks[i]);
        }

        html.Append("</li>\n");
    }

    private void WriteTable(Table table)
    {
        html.Append("<div class=\"table-wrap\"><table class=\"").Append(options.TableClass).Append('"');
        WriteDirection(table.Direction);
        html.Append(">\n");
        var headerRows = Math.Clamp(table.HeaderRowCount, 0, table.Rows.Count);
        if (headerRows > 0)
        {
            html.Append("<thead>\n");
            for (var r = 0; r < headerRows; r++)
            {
                WriteRow(table.Rows[r], header: true);
            }

            html.Append("</thead>\n");
        }

        html.Append("<tbody>\n");
        for (var r = headerRows; r < table.Rows.Count; r++)
        {
            WriteRow(table.Rows[r], header: false);
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    private void WriteRow(TableRow row, bool header)
    {
        html.Append("<tr>");
        foreach (var cell in row.Cells)
        {
            var tag = header ? "th" : "td";
            html.Append('<').Append(tag);
            if (header)
            {
                html.Append(cell.ColumnSpan > 1 ? " scope=\"colgroup\"" : " scope=\"col\"");
            }

            if (cell.ColumnSpan > 1)
            {
                html.Append(" colspan=\"").Append(cell.ColumnSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
            }

            if (cell.RowSpan > 1)
            {
                html.Append(" rowspan=\"").Append(cell.RowSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
            }

            html.Append('>');
            WriteBlocks(cell.Blocks);
            html.Append("</").Append(tag).Append('>');
        }

        html.Append("</tr>\n");
    }

    private void WriteInlines(IReadOnlyList<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            WriteInline(inline);
        }
    }

    private void WriteInline(Inline inline)
    {
        switch (inline)
        {
            case Model.Text text:
                WriteText(text);
                break;
            case Hyperlink link:
                WriteHyperlink(link);
                break;
            case InternalLink link:
                html.Append("<a href=\"#").Append(HtmlIds.Anchor(link.AnchorId)).Append("\">");
                WriteInlines(link.Content);
                html.Append("</a>");
                break;
            case Anchor anchor:
                html.Append("<span id=\"").Append(HtmlIds.Anchor(anchor.Id)).Append("\"></span>");
                break;
            case LineBreak:
                html.Append("<br>");
                break;
            case Tab:
                html.Append("<span class=\"tab\">\t</span>");
                break;
            case Image image:
                WriteImage(image);
                break;
            case NoteReference reference:
                WriteNoteReference(reference);
                break;
            default:
                throw new NotSupportedException($"No HTML writer for {inline.GetType().Name}.");
        }
    }

    private static readonly (TextStyle Style, string Open, string Close)[] StyleTags =
    [
        (TextStyle.Bold, "<strong>", "</strong>"),
        (TextStyle.Italic, "<em>", "</em>"),
        (TextStyle.Underline, "<u>", "</u>"),
        (TextStyle.Strikethrough, "<s>", "</s>"),
        (TextStyle.Superscript, "<sup>", "</sup>"),
        (TextStyle.Subscript, "<sub>", "</sub>"),
        (TextStyle.SmallCaps, "<span class=\"small-caps\">", "</span>"),
    ];

    private void WriteText(Model.Text text)
    {
        foreach (var (style, open, _) in StyleTags)
        {
            if (text.Style.HasFlag(style))
            {
                html.Append(open);
            }
        }

        Encode(text.Value);
        for (var i = StyleTags.Length - 1; i >= 0; i--)
        {
            if (text.Style.HasFlag(StyleTags[i].Style))
            {
                html.Append(StyleTags[i].Close);
            }
        }
    }

    private void WriteHyperlink(Hyperlink link)
    {
        var href = SafeUrl.Format(link.Target);
        if (href is null)
        {
            warnings.Add(SafeUrl.Dropped(link.Target, options.Variant) with { Location = ModelPlaces.Of(release, link) });
            WriteInlines(link.Content);
            return;
        }

        html.Append("<a href=\"");
        Encode(href);
        html.Append("\">");
        WriteInlines(link.Content);
        html.Append("</a>");
    }

    private void WriteImage(Image image)
    {
        if (!images.TryGetValue(image.ResourceId, out var resource))
        {
            warnings.Add(new ConversionWarning(
                "image.missing",
                $"An image in the document ({image.ResourceId}) has no picture data and was left out of the {options.Variant} version.")
            {
                Location = ModelPlaces.Of(release, image),
            });
            return;
        }

        html.Append("<img src=\"");
        Encode(options.ImageSource(resource));
        html.Append("\" alt=\"");
        Encode(image.AltText);
        html.Append('"');
        var (width, height) = CssPixels(image, resource);
        if (width > 0 && height > 0)
        {
            html.Append(" width=\"").Append(width.ToString(CultureInfo.InvariantCulture))
                .Append("\" height=\"").Append(height.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append('>');
    }

    /// <summary>Display size in CSS pixels (96 per inch) from the drawing's points, else the bitmap's own size.</summary>
    private static (int Width, int Height) CssPixels(Image image, ImageResource resource) =>
        image.WidthPoints > 0 && image.HeightPoints > 0
            ? ((int)Math.Round(image.WidthPoints * 96 / 72), (int)Math.Round(image.HeightPoints * 96 / 72))
            : (resource.PixelWidth, resource.PixelHeight);

    private void WriteNoteReference(NoteReference reference)
    {
        var number = reference.Number.ToString(CultureInfo.InvariantCulture);
        html.Append("<sup class=\"note-ref\"><a href=\"#").Append(HtmlIds.Note(reference.Kind, reference.NoteId)).Append('"');

        // Only the first reference carries the id the back-link returns to; ids must stay unique.
        if (referencedNotes.Add(HtmlIds.NoteReference(reference.Kind, reference.NoteId)))
        {
            html.Append(" id=\"").Append(HtmlIds.NoteReference(reference.Kind, reference.NoteId)).Append('"');
        }

        html.Append(">[").Append(number).Append("]</a></sup>");
    }

    private void Encode(string value) => LiquidTemplates.Html.Encode(writer, value);
}
