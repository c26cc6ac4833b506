namespace PressPipeline.Conversion.Model;

/// <summary>An inline element inside a paragraph, heading or cell. Closed set: renderers switch over it.</summary>
/// <remarks>Non-breaking spaces and hyphens are kept as characters (U+00A0, U+2011) inside <see cref="Text"/>.</remarks>
public abstract record Inline
{
    private protected Inline()
    {
    }
}

/// <summary>Character formatting that survives into every variant.</summary>
[Flags]
public enum TextStyle
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Underline = 4,
    Strikethrough = 8,
    Superscript = 16,
    Subscript = 32,
    SmallCaps = 64,
}

/// <summary>A run of text with one formatting.</summary>
public sealed record Text(string Value, TextStyle Style = TextStyle.None) : Inline;

/// <summary>A link to the outside world. Only http, https, mailto and tel targets reach the model.</summary>
public sealed record Hyperlink(Uri Target, IReadOnlyList<Inline> Content) : Inline;

/// <summary>A link to a bookmark inside the document.</summary>
public sealed record InternalLink(string AnchorId, IReadOnlyList<Inline> Content) : Inline;

/// <summary>A bookmark: the target of <see cref="InternalLink"/>.</summary>
public sealed record Anchor(string Id) : Inline;

/// <summary>A manual line break (w:br, w:cr).</summary>
public sealed record LineBreak : Inline;

/// <summary>A tab (w:tab).</summary>
public sealed record Tab : Inline;

/// <summary>A picture in the text flow (inline or anchored in Word).</summary>
/// <param name="ResourceId">Key into <see cref="PressRelease.Images"/>.</param>
/// <param name="AltText">Description (or title) from the drawing; empty when Word had none (a warning says so).</param>
/// <param name="WidthPoints">Display width in points from the drawing extent.</param>
/// <param name="HeightPoints">Display height in points.</param>
public sealed record Image(string ResourceId, string AltText, double WidthPoints, double HeightPoints) : Inline;

/// <summary>A footnote or endnote mark in the text.</summary>
public sealed record NoteReference(NoteKind Kind, string NoteId, int Number) : Inline;
