namespace PressPipeline.Conversion.Model;

/// <summary>A block-level element of the body. The set is closed: renderers switch over it.</summary>
public abstract record Block
{
    private protected Block()
    {
    }

    /// <summary>Where the block was in the Word document, for renderers' warnings; unknown for a block built by code.</summary>
    public SourcePlace Place { get; init; }
}

/// <summary>A heading, level 1–6, from Word styles (Title is metadata, Heading 1 is level 1).</summary>
/// <param name="AnchorId">Bookmark name targeted by internal links, if any.</param>
public sealed record Heading(int Level, IReadOnlyList<Inline> Content, string? AnchorId = null) : Block;

/// <summary>An ordinary paragraph.</summary>
public sealed record Paragraph(
    IReadOnlyList<Inline> Content,
    Alignment Alignment = Alignment.Start,
    TextDirection Direction = TextDirection.LeftToRight) : Block
{
    /// <summary>The paragraph's own language (BCP 47), when the reader could tell; renderers mark it where it differs from the release's.</summary>
    public string? Language { get; init; }
}

/// <summary>A block quote (Quote / Intense Quote styles, or indented quotation paragraphs).</summary>
public sealed record BlockQuote(IReadOnlyList<Block> Blocks) : Block;

/// <summary>How list items are numbered.</summary>
public enum ListStyle
{
    Bullet,
    Decimal,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,

    /// <summary>A format HTML can't express (ordinalText, Cyrillic letters…): use each item's <see cref="ListItem.Label"/>.</summary>
    Custom,
}

/// <summary>A bulleted or numbered list; nesting is a list inside an item's blocks.</summary>
/// <param name="Start">First number (ignored for bullets).</param>
public sealed record ListBlock(ListStyle Style, int Start, IReadOnlyList<ListItem> Items) : Block
{
    /// <summary>True when the items are numbered rather than bulleted.</summary>
    public bool IsOrdered => Style != ListStyle.Bullet;
}

/// <summary>One list item.</summary>
/// <param name="Label">The marker as Word would show it ("1.", "а)", "первый"); renderers that can't
/// compute it themselves (text, PDF, <see cref="ListStyle.Custom"/>) use this.</param>
public sealed record ListItem(IReadOnlyList<Block> Blocks, string Label);

/// <summary>A table; rows in order, cells carry their spans (covered cells are omitted).</summary>
/// <param name="ColumnWidths">Grid column widths in points (w:tblGrid); may be empty.</param>
/// <param name="HeaderRowCount">Leading rows marked as header rows (w:tblHeader), repeated on each PDF page.</param>
public sealed record Table(
    IReadOnlyList<TableRow> Rows,
    IReadOnlyList<double> ColumnWidths,
    int HeaderRowCount,
    TextDirection Direction = TextDirection.LeftToRight) : Block;

/// <summary>A table row.</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells);

/// <summary>A table cell; a cell covered by a span of another is not listed.</summary>
public sealed record TableCell(IReadOnlyList<Block> Blocks, int ColumnSpan = 1, int RowSpan = 1);
