namespace PressPipeline.Conversion.Model;

/// <summary>
/// A press release as the reader understood it: metadata, the body in reading order, notes and the
/// images the body refers to. Every renderer (web, e-mail, text, PDF) draws from this one value and
/// never goes back to the .docx.
/// </summary>
/// <param name="Metadata">What the release says about itself (headline, embargo, dateline, boilerplate…).</param>
/// <param name="Body">The release text, without the parts lifted into <paramref name="Metadata"/>.</param>
/// <param name="Notes">Footnotes and endnotes referenced from the body by <see cref="NoteReference"/>.</param>
/// <param name="Images">Image bytes, referenced from the body by <see cref="Image.ResourceId"/>.</param>
public sealed record PressRelease(
    ReleaseMetadata Metadata,
    IReadOnlyList<Block> Body,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<ImageResource> Images);

/// <summary>Reading direction of a paragraph or of the whole document.</summary>
public enum TextDirection
{
    LeftToRight,
    RightToLeft,
}

/// <summary>Horizontal alignment as written in Word; <see cref="Start"/> follows the text direction.</summary>
public enum Alignment
{
    Start,
    Center,
    End,
    Justify,
}
