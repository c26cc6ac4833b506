namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// How many source pixels one render may decode for its pictures. A 30 KB PNG can declare 20000×20000 pixels
/// (1.6 GB as RGBA); the header says so before anything is decoded, and such a picture is left out of the PDF
/// with a warning instead of taking the worker down. Pictures that fit are decoded at most at the size the page
/// can show (<see cref="MaxDecodedSide"/>).
/// </summary>
internal sealed class PixelBudget(long perDocument = PixelBudget.PerDocument)
{
    /// <summary>One picture Skia decodes at a smaller scale (JPEG, WebP): 100 megapixels, more than any camera a press office uses.</summary>
    public const long PerImage = 100_000_000;

    /// <summary>One picture that can only be decoded whole (PNG, GIF, BMP): 16 megapixels, 64 MB as RGBA.</summary>
    public const long WholeDecode = 16_000_000;

    /// <summary>All the pictures of one release together: thirty 10-megapixel photos.</summary>
    public const long PerDocument = 300_000_000;

    /// <summary>The longest side decoded: an A4 page at 300 dpi, more than a picture in the column can use.</summary>
    public const int MaxDecodedSide = 3508;

    private long remaining = perDocument;

    /// <summary>Takes a picture's source pixels from the budget, or says (as the end of a sentence) why it may not be decoded.</summary>
    public bool TryTake(int width, int height, bool decodesScaled, out string? refusal)
    {
        var pixels = (long)width * height;
        if (pixels > (decodesScaled ? PerImage : WholeDecode))
        {
            refusal = $"has {width:N0}×{height:N0} pixels, far more than a page can show";
            return false;
        }

        if (pixels > remaining)
        {
            refusal = "would take the document's pictures past what one PDF may decode";
            return false;
        }

        // A scaled decode costs what comes out, not what the header declares.
        remaining -= decodesScaled ? Math.Min(pixels, (long)MaxDecodedSide * MaxDecodedSide) : pixels;
        refusal = null;
        return true;
    }
}
