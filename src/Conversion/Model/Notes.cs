namespace PressPipeline.Conversion.Model;

/// <summary>Footnote or endnote.</summary>
public enum NoteKind
{
    Footnote,
    Endnote,
}

/// <summary>A note's text; <see cref="Number"/> is its display number, in order of first reference.</summary>
public sealed record Note(NoteKind Kind, string Id, int Number, IReadOnlyList<Block> Blocks);

/// <summary>Image bytes taken out of the package, with a stable file name.</summary>
/// <param name="Id">Stable id (e.g. "image1"), referenced by <see cref="Image.ResourceId"/>.</param>
/// <param name="FileName">File name to write it under (e.g. "image1.png").</param>
/// <param name="ContentType">MIME type, e.g. "image/png".</param>
/// <param name="Data">The bytes, as stored in the package.</param>
/// <param name="PixelWidth">Pixel width when known from the image header, else 0.</param>
/// <param name="PixelHeight">Pixel height when known, else 0.</param>
public sealed record ImageResource(
    string Id,
    string FileName,
    string ContentType,
    ReadOnlyMemory<byte> Data,
    int PixelWidth = 0,
    int PixelHeight = 0);
