using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PressPipeline.Conversion.Model;
using M = DocumentFormat.OpenXml.Math;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Reads the inline content of one paragraph: runs with their resolved formatting, links (relationship,
/// anchor and field-code forms), bookmarks, notes, symbols, pictures; tracked deletions and hidden text
/// are left out. Text-box content found on the way is returned to be placed after the paragraph.
/// </summary>
internal sealed class ParagraphScope(ReadContext context, BodyReader body, FieldState fields, RunFormat paragraphRun)
{
    private readonly List<Inline> root = [];
    private List<Inline> sink = null!;
    private int visibleCharacters;
    private int boldCharacters;
    private int largestHalfPoints;

    /// <summary>Blocks found inside the paragraph (text boxes) that are placed after it.</summary>
    public List<Block> Floating { get; } = [];

    public bool AllBold => visibleCharacters > 0 && boldCharacters == visibleCharacters;

    public double LargestSizePoints => largestHalfPoints / 2.0;

    public int TextLength => visibleCharacters;

    public IReadOnlyList<Inline> Read(W.Paragraph paragraph)
    {
        sink = root;
        ReadChildren(paragraph);
        CloseOpenLinks();
        return Normalise(root);
    }

    private void ReadChildren(OpenXmlElement parent)
    {
        foreach (var child in parent.ChildElements)
        {
            ReadContent(child);
        }
    }

    private void ReadContent(OpenXmlElement element)
    {
        switch (element)
        {
            case Run run:
                ReadRun(run);
                break;
            case W.Hyperlink link:
                ReadHyperlink(link);
                break;
            case SimpleField field:
                ReadSimpleField(field);
                break;
            case BookmarkStart bookmark when !fields.InCode:
                var name = bookmark.Name?.InnerText;
                if (!string.IsNullOrEmpty(name) && name != "_GoBack")
                {
                    sink.Add(new Anchor(name));
                }

                break;
            case DeletedRun or MoveFromRun or ParagraphProperties or CommentRangeStart or CommentRangeEnd or ProofError:
                break;
            case InsertedRun or MoveToRun or CustomXmlRun or BidirectionalOverride or BidirectionalEmbedding:
                ReadChildren(element);
                break;
            case SdtRun sdt:
                if (sdt.SdtContentRun is { } content)
                {
                    ReadChildren(content);
                }

                break;
            case M.Paragraph or M.OfficeMath:
                ReadMath(element);
                break;
            case AlternateContent alternate:
                if (Choose(alternate) is { } branch)
                {
                    ReadChildren(branch);
                }

                break;
            case OpenXmlUnknownElement unknown:
                foreach (var child in UnknownWrapper.Content<W.Paragraph>(unknown))
                {
                    ReadContent(child);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Prefers the fallback (VML text boxes, pictures) as mammoth does, else the first choice.</summary>
    internal static OpenXmlElement? Choose(AlternateContent alternate) =>
        (OpenXmlElement?)alternate.GetFirstChild<AlternateContentFallback>() ?? alternate.GetFirstChild<AlternateContentChoice>();

    private void ReadRun(Run run)
    {
        var direct = RunFormat.Read(run.RunProperties, context.Warnings);
        var format = paragraphRun;
        if (direct.CharacterStyleId is { } characterStyle)
        {
            var fromStyle = context.Styles.Character(characterStyle);

            // The Hyperlink styles underline link text; that underline means "link", not emphasis.
            if (characterStyle.Equals("Hyperlink", StringComparison.OrdinalIgnoreCase)
                || characterStyle.Equals("FollowedHyperlink", StringComparison.OrdinalIgnoreCase))
            {
                fromStyle = fromStyle with { Underline = null };
            }

            format = format.Over(fromStyle);
        }

        format = format.Over(direct);
        var hidden = format.Hidden == true;
        var style = format.ToTextStyle();
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case FieldChar fieldChar:
                    ReadFieldChar(fieldChar);
                    continue;
                case FieldCode code:
                    fields.AppendCode(code.Text);
                    continue;
                default:
                    break;
            }

            if (hidden || fields.InCode)
            {
                continue;
            }

            switch (child)
            {
                case W.Text text:
                    AddText(text.Text, style, format);
                    break;
                case TabChar or PositionalTab:
                    sink.Add(new Model.Tab());
                    break;
                case Break br:
                    // Only page and column breaks (w:type="page", "column") are not line breaks.
                    if (Attr.Token(br.Type) is not { } breakType || !Attr.Is(breakType, "page", "column"))
                    {
                        sink.Add(new LineBreak());
                    }

                    break;
                case CarriageReturn:
                    sink.Add(new LineBreak());
                    break;
                case NoBreakHyphen:
                    AddText("\u2011", style, format);
                    break;
                case SymbolChar symbol:
                    ReadSymbol(symbol, style, format);
                    break;
                case FootnoteReference footnote when Attr.Long(footnote.Id, context.Warnings) is long id:
                    AddNote(NoteKind.Footnote, id);
                    break;
                case EndnoteReference endnote when Attr.Long(endnote.Id, context.Warnings) is long id:
                    AddNote(NoteKind.Endnote, id);
                    break;
                case Drawing drawing:
                    DrawingReader.Read(drawing, context, body, sink, Floating);
                    break;
                case Picture picture:
                    DrawingReader.ReadVml(picture, context, body, sink, Floating);
                    break;
                case EmbeddedObject embedded:
                    context.Warnings.Add("object.embedded", "An embedded object (e.g. a spreadsheet or equation) is shown only as its preview picture, if it has one.");
                    DrawingReader.ReadVml(embedded, context, body, sink, Floating);
                    break;
                case AlternateContent alternate:
                    if (Choose(alternate) is { } branch)
                    {
                        foreach (var inner in branch.ChildElements)
                        {
                            if (inner is Drawing d)
                            {
                                DrawingReader.Read(d, context, body, sink, Floating);
                            }
                            else if (inner is Picture p)
                            {
                                DrawingReader.ReadVml(p, context, body, sink, Floating);
                            }
                        }
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private void AddText(string text, TextStyle style, RunFormat format)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (text.Contains('\u00AD', StringComparison.Ordinal))
        {
            text = text.Replace("\u00AD", string.Empty, StringComparison.Ordinal);
        }

        sink.Add(new Model.Text(text, style));
        var visible = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                visible++;
            }
        }

        visibleCharacters += visible;
        if ((style & TextStyle.Bold) != 0)
        {
            boldCharacters += visible;
        }

        if (visible > 0 && format.SizeHalfPoints is int size && size > largestHalfPoints)
        {
            largestHalfPoints = size;
        }

        context.Language.Add(text, format);
    }

    private void ReadSymbol(SymbolChar symbol, TextStyle style, RunFormat format)
    {
        var mapped = SymbolMap.Map(symbol.Font?.InnerText, symbol.Char?.InnerText);
        if (mapped is null)
        {
            context.Warnings.Add("symbol.unmapped", $"A symbol from the font \"{symbol.Font?.InnerText}\" has no Unicode equivalent and was left out.");
            return;
        }

        AddText(mapped, style, format);
    }

    private void AddNote(NoteKind kind, long id)
    {
        var noteId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        sink.Add(new NoteReference(kind, noteId, context.Notes.Number(kind, noteId)));
        visibleCharacters++;
    }

    private void ReadFieldChar(FieldChar fieldChar)
    {
        var type = Attr.Token(fieldChar.FieldCharType);
        if (Attr.Is(type, "begin"))
        {
            fields.Begin();
        }
        else if (Attr.Is(type, "separate"))
        {
            if (fields.Separate() is { IsHyperlink: true } instruction)
            {
                var link = OpenLink(instruction.Target, instruction.Anchor);
                fields.AttachLink(link);
            }
        }
        else if (Attr.Is(type, "end") && fields.End() is { } open)
        {
            CloseLink(open);
        }
    }

    private void ReadHyperlink(W.Hyperlink hyperlink)
    {
        string? target = null;
        if (Attr.Token(hyperlink.Id) is { } relationshipId)
        {
            target = context.HyperlinkTarget(relationshipId);
        }

        var anchor = hyperlink.Anchor?.InnerText;
        var link = OpenLink(target, anchor);
        ReadChildren(hyperlink);
        CloseLink(link);
    }

    private void ReadSimpleField(SimpleField field)
    {
        var instruction = FieldInstruction.Parse(field.Instruction?.InnerText ?? string.Empty);
        if (!instruction.IsHyperlink)
        {
            ReadChildren(field);
            return;
        }

        var link = OpenLink(instruction.Target, instruction.Anchor);
        ReadChildren(field);
        CloseLink(link);
    }

    /// <summary>Starts collecting a link's content. A target wins over an anchor; a bad target keeps only the text.</summary>
    private LinkSink OpenLink(string? target, string? anchor)
    {
        LinkSink link;
        if (!string.IsNullOrWhiteSpace(target))
        {
            link = new LinkSink(LinkPolicy.Accept(target, anchor, context.Warnings), null, sink);
        }
        else
        {
            link = new LinkSink(null, string.IsNullOrWhiteSpace(anchor) ? null : anchor, sink);
        }

        sink = link.Content;
        openLinks.Push(link);
        return link;
    }

    private readonly Stack<LinkSink> openLinks = new();

    private void CloseLink(LinkSink link)
    {
        if (!openLinks.Contains(link))
        {
            return;
        }

        while (openLinks.TryPop(out var top))
        {
            Finish(top);
            if (ReferenceEquals(top, link))
            {
                break;
            }
        }
    }

    private void Finish(LinkSink link)
    {
        var built = link.Build();
        if (built is not null)
        {
            link.Outer.Add(built);
        }
        else
        {
            link.Outer.AddRange(link.Content);
        }

        sink = link.Outer;
    }

    private void CloseOpenLinks()
    {
        while (openLinks.TryPop(out var top))
        {
            Finish(top);
        }

        fields.DetachLinks();
        sink = root;
    }

    private void ReadMath(OpenXmlElement math)
    {
        context.Warnings.Add("equation", "An equation was kept as plain text; check it reads correctly.");
        var text = string.Concat(math.Descendants<M.Text>().Select(t => t.Text));
        AddText(text, TextStyle.Italic, paragraphRun);
    }

    /// <summary>Merges neighbouring text runs with the same formatting (Word splits runs freely).</summary>
    internal static IReadOnlyList<Inline> Normalise(List<Inline> inlines)
    {
        if (inlines.Count < 2)
        {
            return inlines;
        }

        var merged = new List<Inline>(inlines.Count);
        System.Text.StringBuilder? pending = null;
        var pendingStyle = TextStyle.None;
        foreach (var inline in inlines)
        {
            if (inline is Model.Text text)
            {
                if (pending is not null && pendingStyle == text.Style)
                {
                    pending.Append(text.Value);
                    continue;
                }

                Flush();
                pending = new System.Text.StringBuilder(text.Value);
                pendingStyle = text.Style;
                continue;
            }

            Flush();
            merged.Add(inline);
        }

        Flush();
        return merged;

        void Flush()
        {
            if (pending is not null)
            {
                merged.Add(new Model.Text(pending.ToString(), pendingStyle));
                pending = null;
            }
        }
    }
}
