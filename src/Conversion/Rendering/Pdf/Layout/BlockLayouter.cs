using System.Globalization;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Text;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// Lays out body blocks into flow items for a column of a given width: paragraphs (with widow and orphan
/// control), headings (kept with what follows, bookmarked), quotes, lists with hanging markers, tables
/// and pictures.
/// </summary>
internal sealed class BlockLayouter
{
    private readonly LayoutContext context;
    private readonly InlineFlattener flattener;
    private readonly ImageLayouter images;
    private readonly TableLayouter tables;
    private int headingCount;

    public BlockLayouter(LayoutContext context)
    {
        this.context = context;
        flattener = new InlineFlattener(context.Styles);
        images = new ImageLayouter(context);
        tables = new TableLayouter(context, this);
    }

    private Theme.TextTheme TextTheme => context.Styles.Theme.Text;

    public List<FlowItem> Layout(IReadOnlyList<Block> blocks, float width, int listDepth = 0)
    {
        var items = new List<FlowItem>();
        foreach (var block in blocks)
        {
            items.AddRange(Layout(block, width, listDepth));
        }

        return items;
    }

    public List<FlowItem> Layout(Block block, float width, int listDepth = 0) => block switch
    {
        Heading heading => LayoutHeading(heading, width),
        Paragraph paragraph => LayoutParagraph(paragraph.Content, context.Styles.Body, width, BodyAlignment(paragraph.Alignment), paragraph.Direction, TextTheme.ParagraphSpacing),
        BlockQuote quote => LayoutQuote(quote, width, listDepth),
        ListBlock list => LayoutList(list, width, listDepth),
        Table table => tables.Layout(table, width),
        _ => [],
    };

    /// <summary>A paragraph of inlines in a given style; widow and orphan lines kept with their neighbours.</summary>
    public List<FlowItem> LayoutParagraph(IReadOnlyList<Inline> content, RunStyle style, float width, Alignment alignment, TextDirection direction, float spaceBefore)
    {
        var items = new List<FlowItem>();
        foreach (var part in flattener.Flatten(content, style))
        {
            var partItems = part switch
            {
                InlinePart.TextPart text => LayoutText(text.Text, width, alignment, direction),
                InlinePart.ImagePart image => images.Layout(image.Image, width),
                _ => [],
            };
            items.AddRange(partItems);
        }

        if (items.Count > 0)
        {
            items[0].SpaceBefore = spaceBefore;
        }

        return items;
    }

    /// <summary>Lines of styled text with widow/orphan control (no lone first or last line at a page edge).</summary>
    public List<FlowItem> LayoutText(StyledText text, float width, Alignment alignment, TextDirection direction)
    {
        var lines = context.Paragraphs.Layout(text, width, alignment, ResolveDirection(text, direction));
        if (lines.Count >= 2)
        {
            lines[0].KeepWithNext = true;
            lines[^2].KeepWithNext = true;
        }

        return lines;
    }

    public List<FlowItem> LayoutHeading(Heading heading, float width) =>
        LayoutHeadingText(heading.Content, heading.Level, width, heading.AnchorId);

    public List<FlowItem> LayoutHeadingText(IReadOnlyList<Inline> content, int level, float width, string? anchorId = null)
    {
        var items = LayoutParagraph(content, context.Styles.Heading(level), width, Alignment.Start, context.Release.Metadata.Direction, TextTheme.HeadingSpaceBefore);
        if (items.Count == 0)
        {
            return items;
        }

        foreach (var item in items)
        {
            item.KeepWithNext = true;
        }

        var destination = anchorId is null ? DestinationNames.Heading(++headingCount) : DestinationNames.Anchor(anchorId);
        var first = items[0];
        items[0] = new FlowItem(first.Height, [new DestinationDrawable(new SKPoint(0, 0), destination), .. first.Drawables])
        {
            SpaceBefore = first.SpaceBefore,
            KeepWithNext = true,
            Outline = new OutlineEntry(InlineFlattener.PlainText(content), level, destination),
        };

        // The gap below a heading rides on the last line.
        var last = items[^1];
        items[^1] = new FlowItem(last.Height + TextTheme.HeadingSpaceAfter, last.Drawables)
        {
            SpaceBefore = last.SpaceBefore,
            KeepWithNext = true,
            Outline = last.Outline,
        };
        return items;
    }

    private Alignment BodyAlignment(Alignment alignment) =>
        alignment == Alignment.Start && TextTheme.Justify ? Alignment.Justify : alignment;

    // A paragraph the document calls left-to-right but that opens with Arabic or Hebrew reads right to left.
    private static TextDirection ResolveDirection(StyledText text, TextDirection direction)
    {
        if (direction == TextDirection.RightToLeft)
        {
            return direction;
        }

        return BidiResolver.StartsRightToLeft(text.Build().Text) ? TextDirection.RightToLeft : direction;
    }

    private List<FlowItem> LayoutQuote(BlockQuote quote, float width, int listDepth)
    {
        var indent = TextTheme.QuoteIndent;
        var inner = Layout(quote.Blocks, width - (2 * indent), listDepth);
        var result = new List<FlowItem>(inner.Count);
        foreach (var item in inner)
        {
            var barX = indent * 0.4f;
            var drawables = item.Drawables.Select(d => d.Offset(indent, 0)).ToList();
            drawables.Add(new LineDrawable(new SKPoint(barX, -Math.Min(item.SpaceBefore, 2)), new SKPoint(barX, item.Height), context.Styles.QuoteBarColour, 2f));
            result.Add(new FlowItem(item.Height, drawables)
            {
                SpaceBefore = item.SpaceBefore,
                KeepWithNext = item.KeepWithNext,
                RepeatedHeader = item.RepeatedHeader,
                Outline = item.Outline,
            });
        }

        return result;
    }

    private List<FlowItem> LayoutList(ListBlock list, float width, int listDepth)
    {
        var indent = TextTheme.ListIndent;
        var result = new List<FlowItem>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var inner = Layout(item.Blocks, width - indent, listDepth + 1);
            if (inner.Count == 0)
            {
                continue;
            }

            inner[0].SpaceBefore = i == 0 ? TextTheme.ParagraphSpacing : TextTheme.ParagraphSpacing * 0.4f;
            var marker = new StyledText();
            marker.Append(Marker(list, i, listDepth), context.Styles.Body);
            var markerLines = context.Paragraphs.Layout(marker, indent * 3, Alignment.Start, TextDirection.LeftToRight);
            var first = inner[0];
            var markerDrawables = markerLines.Count > 0 ? markerLines[0].Drawables : [];
            var markerWidth = MarkerWidth(markerDrawables);
            var markerX = Math.Max(0, indent - markerWidth - 5);
            result.Add(new FlowItem(Math.Max(first.Height, markerLines.Count > 0 ? markerLines[0].Height : 0),
                [.. markerDrawables.Select(d => d.Offset(markerX, 0)), .. first.Drawables.Select(d => d.Offset(indent, 0))])
            {
                SpaceBefore = first.SpaceBefore,
                KeepWithNext = first.KeepWithNext,
                RepeatedHeader = first.RepeatedHeader,
                Outline = first.Outline,
            });
            result.AddRange(inner.Skip(1).Select(line => line.Indented(indent)));
        }

        return result;
    }

    private static float MarkerWidth(IReadOnlyList<Drawable> drawables)
    {
        var right = 0f;
        foreach (var drawable in drawables)
        {
            if (drawable is GlyphRunDrawable run && run.Glyphs.Length > 0)
            {
                var glyphWidths = run.Font.GetGlyphWidths(run.Glyphs);
                right = Math.Max(right, run.Origin.X + run.Positions[^1].X + glyphWidths[^1]);
            }
        }

        return right;
    }

    private static string Marker(ListBlock list, int index, int depth)
    {
        var item = list.Items[index];
        if (list.Style == ListStyle.Custom || (list.Style != ListStyle.Bullet && item.Label.Length > 0))
        {
            return item.Label.Length > 0 ? item.Label : "•";
        }

        var number = list.Start + index;
        return list.Style switch
        {
            ListStyle.Bullet => (depth % 3) switch { 0 => "•", 1 => "◦", _ => "▪" },
            ListStyle.Decimal => number.ToString(CultureInfo.InvariantCulture) + ".",
            ListStyle.LowerLetter => Letters(number).ToLowerInvariant() + ".",
            ListStyle.UpperLetter => Letters(number) + ".",
            ListStyle.LowerRoman => Roman(number).ToLowerInvariant() + ".",
            ListStyle.UpperRoman => Roman(number) + ".",
            _ => item.Label,
        };
    }

    private static string Letters(int number)
    {
        var result = string.Empty;
        for (var n = Math.Max(1, number); n > 0; n = (n - 1) / 26)
        {
            result = (char)('A' + ((n - 1) % 26)) + result;
        }

        return result;
    }

    private static string Roman(int number)
    {
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var result = new System.Text.StringBuilder();
        var n = Math.Clamp(number, 1, 3999);
        for (var i = 0; i < values.Length; i++)
        {
            while (n >= values[i])
            {
                result.Append(symbols[i]);
                n -= values[i];
            }
        }

        return result.ToString();
    }
}
