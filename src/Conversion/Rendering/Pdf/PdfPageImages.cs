using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Paint;

namespace PressPipeline.Conversion.Rendering.Pdf;

/// <summary>
/// A release's PDF pages as PNG images, drawn from the same layout the PDF is written from (no PDF is parsed and no
/// external rasteriser runs): the staff console's preview of the PDF. Made by <see cref="PdfRenderer.PageImages"/>;
/// one instance serves one caller at a time and owns the layout until disposed.
/// </summary>
public sealed class PdfPageImages : IDisposable
{
    /// <summary>Pixels per point for the console: an A4 page comes out 893 px wide.</summary>
    public const float DefaultScale = 1.5f;

    /// <summary>More than this many pixels per point (a 4,000-pixel-wide A4 page) is refused.</summary>
    public const float MaxScale = 7f;

    private readonly LaidOutRelease laidOut;
    private bool disposed;

    internal PdfPageImages(LaidOutRelease laidOut)
    {
        this.laidOut = laidOut;
        Tally = LayoutWeight.Of(laidOut);
    }

    /// <summary>What the layout holds, counted (for the measurements in bench/).</summary>
    internal LayoutTally Tally { get; }

    /// <summary>
    /// About how many bytes these page images keep in memory while they live (<see cref="LayoutWeight"/>): what a
    /// cache of them weighs them by. Within a fifth of what a forced full GC finds on the documents in
    /// docs/benchmarks.md ("Console PDF layout cache memory").
    /// </summary>
    public long EstimatedBytes => Tally.EstimatedBytes;

    /// <summary>The number of pages, the same as the PDF's.</summary>
    public int PageCount => laidOut.Pages.Count;

    /// <summary>
    /// The size in pixels of every page image at <paramref name="scale"/> (all pages share the theme's paper), known
    /// from the layout without painting: what a page listing its images puts in their width and height.
    /// </summary>
    public (int Width, int Height) PixelSize(float scale = DefaultScale) => RasterPainter.PixelSize(laidOut.Page, scale);

    /// <summary>Page <paramref name="pageNumber"/> (from 1) as PNG at <paramref name="scale"/> pixels per point.</summary>
    public byte[] Png(int pageNumber, float scale = DefaultScale)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageNumber, PageCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);
        return RasterPainter.Paint(laidOut.Pages[pageNumber - 1], laidOut.Furniture.For(pageNumber, PageCount), laidOut.Page, scale);
    }

    /// <summary>Frees the layout's native objects (its HarfBuzz buffer) and waits for pictures still being prepared; painting after it throws.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            laidOut.Dispose();
        }
    }
}
