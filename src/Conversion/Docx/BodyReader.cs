using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PressPipeline.Conversion.Model;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// word/document.xml (and note and text-box stories): block-level content in reading order. Paragraphs
/// become headings, paragraphs, quotes or list items by their style and numbering; tables are read by
/// <see cref="TableReader"/>; content controls and custom XML are unwrapped.
/// </summary>
/// <param name="mainStory">True for word/document.xml's body itself: its paragraphs and tables are numbered for warnings'
/// locations; a nested story (text box, cell, note) keeps the place of the story around it.</param>
internal sealed class BodyReader(ReadContext context, bool mainStory = false)
{
    private readonly FieldState fields = new();
    private int paragraphs;
    private int tables;

    public ReadContext Context => context;

    public List<Block> Read(IEnumerable<OpenXmlElement> elements)
    {
        var blocks = new BlockAssembler();
        foreach (var element in elements)
        {
            ReadBlock(element, blocks);
        }

        return blocks.Finish();
    }

    /// <summary>A story inside the current one (a text box, a table cell): its own field state.</summary>
    public List<Block> ReadNested(IEnumerable<OpenXmlElement> elements) =>
        new BodyReader(context).Read(elements);

    private void ReadBlock(OpenXmlElement element, BlockAssembler blocks)
    {
        switch (element)
        {
            case W.Paragraph paragraph:
                ReadParagraph(paragraph, blocks);
                break;
            case W.Table table:
                if (mainStory)
                {
                    var outside = context.Warnings.Enter(new Warnings.Place("table", ++tables));
                    blocks.Add(TableReader.Read(table, this, locate: true));
                    context.Warnings.Return(outside);
                }
                else
                {
                    blocks.Add(TableReader.Read(table, this, locate: false));
                }

                break;
            case SdtBlock sdt:
                if (sdt.SdtContentBlock is { } content)
                {
                    foreach (var child in content.ChildElements)
                    {
                        ReadBlock(child, blocks);
                    }
                }

                break;
            case CustomXmlBlock or InsertedRun or MoveToRun:
                foreach (var child in element.ChildElements)
                {
                    ReadBlock(child, blocks);
                }

                break;
            case OpenXmlUnknownElement unknown:
                foreach (var child in UnknownWrapper.Content<Body>(unknown))
                {
                    ReadBlock(child, blocks);
                }

                break;
            case AlternateContent alternate:
                if (ParagraphScope.Choose(alternate) is { } branch)
                {
                    foreach (var child in branch.ChildElements)
                    {
                        ReadBlock(child, blocks);
                    }
                }

                break;
            default:
                break;
        }
    }

    private void ReadParagraph(W.Paragraph paragraph, BlockAssembler blocks)
    {
        var outside = mainStory
            ? context.Warnings.Enter(new Warnings.Place("paragraph", ++paragraphs, Paragraph: paragraph))
            : context.Warnings.AtParagraph(paragraph);
        try
        {
            ReadParagraphHere(paragraph, blocks);
        }
        finally
        {
            context.Warnings.Return(outside);
        }
    }

    private void ReadParagraphHere(W.Paragraph paragraph, BlockAssembler blocks)
    {
        var properties = paragraph.ParagraphProperties;
        var style = context.Styles.Paragraph(Attr.Token(properties?.ParagraphStyleId?.Val));
        var role = style?.Role ?? StyleRole.Normal;
        var level = style?.HeadingLevel ?? 0;
        if (Attr.Int(properties?.OutlineLevel?.Val, context.Warnings) is int outline)
        {
            (role, level) = outline is >= 0 and < 6 ? (StyleRole.Heading, outline + 1)
                : role == StyleRole.Heading ? (StyleRole.Normal, 0) : (role, level);
        }

        var run = context.Styles.DefaultRun.Over(style?.Run ?? RunFormat.Empty);
        if (role is StyleRole.Heading or StyleRole.Title or StyleRole.Subtitle)
        {
            // The style is what makes it a heading; its bold or italics are not emphasis.
            run = run with { Bold = null, Italic = null, Underline = null, SmallCaps = null };
        }

        var bidi = properties?.BiDi is { } b ? Attr.OnOff(b.Val, context.Warnings) : style?.Bidi ?? false;
        var marker = ListMarkerOf(properties, style);
        var scope = new ParagraphScope(context, this, fields, run);
        var content = scope.Read(paragraph);
        var language = context.Language.AddParagraph(bidi, scope.TextLength);

        if (HasVisibleContent(content))
        {
            var justification = Attr.Justification(properties?.Justification?.Val, context.Warnings) ?? style?.Justification;
            var block = Build(content, role, level, marker, bidi, justification, language, blocks);
            context.Traits[block] = new ParagraphTraits(role, scope.AllBold, scope.LargestSizePoints, context.Warnings.Here.Kept());
        }

        foreach (var floating in scope.Floating)
        {
            blocks.Add(floating);
        }
    }

    private Block Build(
        IReadOnlyList<Inline> content,
        StyleRole role,
        int level,
        ListMarker? marker,
        bool bidi,
        Justify? justification,
        string? language,
        BlockAssembler blocks)
    {
        var direction = bidi ? Model.TextDirection.RightToLeft : Model.TextDirection.LeftToRight;
        var place = context.Warnings.Here.Source();
        if (role == StyleRole.Heading)
        {
            var heading = Heading(content, level, marker, place);
            blocks.Add(heading);
            return heading;
        }

        var paragraph = new Model.Paragraph(content, Align(justification, bidi), direction) { Language = language, Place = place };
        if (role == StyleRole.Quote)
        {
            blocks.AddQuote(paragraph);
        }
        else if (marker is not null && role == StyleRole.Normal)
        {
            blocks.AddListItem(marker, paragraph);
        }
        else
        {
            blocks.Add(paragraph);
        }

        return paragraph;
    }

    /// <summary>A numbered heading keeps its number as text ("2.1 Scope"); its first bookmark becomes its anchor.</summary>
    private static Heading Heading(IReadOnlyList<Inline> content, int level, ListMarker? marker, SourcePlace place)
    {
        var inlines = new List<Inline>(content.Count + 1);
        if (marker is not null && marker.Label.Length > 0 && marker.Style != ListStyle.Bullet)
        {
            inlines.Add(new Model.Text(marker.Label + " "));
        }

        string? anchor = null;
        foreach (var inline in content)
        {
            if (anchor is null && inline is Anchor a)
            {
                anchor = a.Id;
                continue;
            }

            inlines.Add(inline);
        }

        return new Heading(Math.Clamp(level, 1, 6), ParagraphScope.Normalise(inlines), anchor) { Place = place };
    }

    private ListMarker? ListMarkerOf(ParagraphProperties? properties, ResolvedStyle? style)
    {
        var numbering = properties?.NumberingProperties;
        var numId = Attr.Int(numbering?.NumberingId?.Val, context.Warnings) ?? style?.NumberingId;
        if (numId is not int id || id == 0)
        {
            return null;
        }

        var ilvl = Attr.Int(numbering?.NumberingLevelReference?.Val, context.Warnings) ?? style?.NumberingLevel ?? 0;
        return context.Lists.Next(id, ilvl);
    }

    /// <summary>
    /// w:jc to the model's alignment. left and right name physical sides (so in a right-to-left paragraph "right"
    /// is where the text starts); start and end follow the paragraph's direction.
    /// </summary>
    private static Alignment Align(Justify? justification, bool rightToLeft) => justification switch
    {
        Justify.Center => Alignment.Center,
        Justify.Both => Alignment.Justify,
        Justify.End => Alignment.End,
        Justify.Right => rightToLeft ? Alignment.Start : Alignment.End,
        Justify.Left => rightToLeft ? Alignment.End : Alignment.Start,
        _ => Alignment.Start,
    };

    private static bool HasVisibleContent(IReadOnlyList<Inline> content)
    {
        foreach (var inline in content)
        {
            switch (inline)
            {
                case Model.Text text when !string.IsNullOrWhiteSpace(text.Value):
                case Image or NoteReference or Model.Hyperlink or InternalLink:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }
}
