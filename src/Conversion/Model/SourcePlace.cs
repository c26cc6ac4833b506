namespace PressPipeline.Conversion.Model;

/// <summary>
/// Where a block was in the Word document, kept so that a renderer's warning about it (a picture the PDF cannot
/// draw, a link a variant drops) can say where it is the same way the reader's warnings do. Only numbers and a
/// kind name: no XML and no text (the first words are taken from the block when a warning needs them), so keeping
/// one per block costs no allocation.
/// </summary>
/// <param name="Kind">"paragraph", "table", "footnote" or "endnote" (the reader's location kinds); null when the block was not read from a document.</param>
/// <param name="Index">The paragraph's, table's or note's number, from 1; 0 when not known.</param>
/// <param name="Row">The table row, from 1, for a block inside a table cell; 0 otherwise.</param>
/// <param name="Cell">The cell in its row, from 1; 0 otherwise.</param>
public readonly record struct SourcePlace(string? Kind, int Index = 0, int Row = 0, int Cell = 0)
{
    /// <summary>True when the block was read from a document and its place is known.</summary>
    public bool IsKnown => Kind is not null;
}
