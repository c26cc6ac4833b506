using System.Globalization;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Text;
using ModelText = PressPipeline.Conversion.Model.Text;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// Flattens the model's inlines into styled text. Pictures break the text: the result is a sequence of
/// text stretches and images, laid out one below the other.
/// </summary>
internal sealed class InlineFlattener(LayoutStyles styles)
{
    public List<InlinePart> Flatten(IReadOnlyList<Inline> inlines, RunStyle baseStyle)
    {
        var parts = new List<InlinePart>();
        var current = new StyledText();
        Append(inlines, baseStyle, current, parts);
        if (current.Length > 0 || current.Anchors.Count > 0)
        {
            parts.Add(new InlinePart.TextPart(current));
        }

        return parts;
    }

    /// <summary>The plain text of inlines (for outline titles).</summary>
    public static string PlainText(IReadOnlyList<Inline> inlines)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case ModelText text:
                    builder.Append(text.Value);
                    break;
                case Hyperlink link:
                    builder.Append(PlainText(link.Content));
                    break;
                case InternalLink link:
                    builder.Append(PlainText(link.Content));
                    break;
                case Tab or LineBreak:
                    builder.Append(' ');
                    break;
                default:
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    private void Append(IReadOnlyList<Inline> inlines, RunStyle style, StyledText current, List<InlinePart> parts)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case ModelText text:
                    current.Append(Normalise(text.Value), Apply(style, text.Style));
                    break;
                case Hyperlink link:
                    Append(link.Content, style with { Colour = styles.LinkColour, Underline = true, Link = new LinkTarget.External(link.Target) }, current, parts);
                    break;
                case InternalLink link:
                    Append(link.Content, style with { Colour = styles.LinkColour, Link = new LinkTarget.Internal(DestinationNames.Anchor(link.AnchorId)) }, current, parts);
                    break;
                case Anchor anchor:
                    current.AddAnchor(DestinationNames.Anchor(anchor.Id));
                    break;
                case LineBreak:
                    current.Append("\n", style);
                    break;
                case Tab:
                    current.Append("\t", style);
                    break;
                case Image image:
                    if (current.Length > 0 || current.Anchors.Count > 0)
                    {
                        parts.Add(new InlinePart.TextPart(current));
                        current = new StyledText();
                    }

                    parts.Add(new InlinePart.ImagePart(image));
                    break;
                case NoteReference note:
                    current.Append(note.Number.ToString(CultureInfo.InvariantCulture), style with
                    {
                        Size = style.Size * 0.62f,
                        BaselineShift = style.Size * 0.33f,
                        Colour = styles.LinkColour,
                        Link = new LinkTarget.Internal(DestinationNames.Note(note.Kind, note.NoteId)),
                    });
                    break;
                default:
                    break;
            }
        }
    }

    // Line feeds inside a text run are spacing, not breaks (breaks are LineBreak inlines).
    private static string Normalise(string value) =>
        value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ')
            : value;

    private static RunStyle Apply(RunStyle style, TextStyle textStyle)
    {
        if (textStyle == TextStyle.None)
        {
            return style;
        }

        var result = style with
        {
            Bold = style.Bold || textStyle.HasFlag(TextStyle.Bold),
            Italic = style.Italic || textStyle.HasFlag(TextStyle.Italic),
            Underline = style.Underline || textStyle.HasFlag(TextStyle.Underline),
            Strikethrough = style.Strikethrough || textStyle.HasFlag(TextStyle.Strikethrough),
        };
        if (textStyle.HasFlag(TextStyle.Superscript))
        {
            result = result with { Size = style.Size * 0.62f, BaselineShift = style.Size * 0.33f };
        }
        else if (textStyle.HasFlag(TextStyle.Subscript))
        {
            result = result with { Size = style.Size * 0.62f, BaselineShift = -style.Size * 0.12f };
        }

        return result;
    }
}

/// <summary>A stretch of a paragraph: text, or a picture between text.</summary>
internal abstract record InlinePart
{
    private InlinePart()
    {
    }

    public sealed record TextPart(StyledText Text) : InlinePart;

    public sealed record ImagePart(Image Image) : InlinePart;
}

/// <summary>Names of PDF named destinations, shared by links and their targets.</summary>
internal static class DestinationNames
{
    public static string Anchor(string id) => "a-" + id;

    public static string Note(NoteKind kind, string id) => (kind == NoteKind.Footnote ? "fn-" : "en-") + id;

    public static string Heading(int index) => "h-" + index.ToString(CultureInfo.InvariantCulture);
}
