using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Complex fields (w:fldChar begin / separate / end) can span runs and even paragraphs (a table of
/// contents), so their state lives for the whole story, not one paragraph.
/// </summary>
internal sealed class FieldState
{
    private readonly Stack<Frame> frames = new();
    private int inCode;

    /// <summary>True between begin and separate: text there is the field's code, not its result.</summary>
    public bool InCode => inCode > 0;

    public void Begin()
    {
        frames.Push(new Frame());
        inCode++;
    }

    public void AppendCode(string text)
    {
        if (frames.TryPeek(out var frame) && !frame.InResult)
        {
            frame.Code.Append(text);
        }
    }

    /// <summary>Separate: the result starts. Returns the instruction so the caller can open a link.</summary>
    public FieldInstruction? Separate()
    {
        if (!frames.TryPeek(out var frame) || frame.InResult)
        {
            return null;
        }

        frame.InResult = true;
        inCode--;
        return FieldInstruction.Parse(frame.Code.ToString());
    }

    /// <summary>End: returns the frame's open link (if any) so the caller can close it.</summary>
    public LinkSink? End()
    {
        if (!frames.TryPop(out var frame))
        {
            return null;
        }

        if (!frame.InResult)
        {
            inCode--;
        }

        return frame.Link;
    }

    public void AttachLink(LinkSink sink)
    {
        if (frames.TryPeek(out var frame))
        {
            frame.Link = sink;
        }
    }

    /// <summary>Links can't cross paragraphs in the model: detach any still open when a paragraph ends.</summary>
    public void DetachLinks()
    {
        foreach (var frame in frames)
        {
            frame.Link = null;
        }
    }

    private sealed class Frame
    {
        public System.Text.StringBuilder Code { get; } = new();

        public bool InResult { get; set; }

        public LinkSink? Link { get; set; }
    }
}

/// <summary>Where a link's content collects until the link closes.</summary>
internal sealed class LinkSink(Uri? target, string? anchor, List<Inline> outer)
{
    public List<Inline> Content { get; } = [];

    public List<Inline> Outer { get; } = outer;

    public Inline? Build() =>
        Content.Count == 0 ? null
        : target is not null ? new Hyperlink(target, LinkText())
        : anchor is not null ? new InternalLink(anchor, LinkText())
        : null;

    /// <summary>The Hyperlink character style underlines link text; that underline is the link, not emphasis.</summary>
    private IReadOnlyList<Inline> LinkText()
    {
        for (var i = 0; i < Content.Count; i++)
        {
            if (Content[i] is Text { Style: var style } text && (style & TextStyle.Underline) != 0)
            {
                Content[i] = text with { Style = style & ~TextStyle.Underline };
            }
        }

        return ParagraphScope.Normalise(Content);
    }
}
