using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Rendering.Pdf.Paint;
using PressPipeline.Conversion.Rendering.Pdf.Theme;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// A release laid out into pages once, for whichever painter draws them: <see cref="PdfPainter"/> writes the PDF,
/// <see cref="RasterPainter"/> draws a page as an image. Both walk the same drawables through <see cref="Each"/>, so
/// the page image shows what the PDF shows. Owns the layout's native objects until disposed.
/// </summary>
internal sealed class LaidOutRelease : IDisposable
{
    private LaidOutRelease(LayoutContext layout, string? organisation, List<LaidOutPage> pages)
    {
        Layout = layout;
        Organisation = organisation;
        Pages = pages;
        Furniture = new PageFurniture(layout, organisation);
    }

    public LayoutContext Layout { get; }

    public string? Organisation { get; }

    public IReadOnlyList<LaidOutPage> Pages { get; }

    /// <summary>The running header and "Page N of M", laid out per page once the page count is known.</summary>
    public PageFurniture Furniture { get; }

    public PageTheme Page => Layout.Styles.Theme.Page;

    /// <param name="forPdf">False for page images only (<see cref="PdfPageImages"/>): nothing is prepared that only the PDF writer reads.</param>
    public static LaidOutRelease Create(PressRelease release, LayoutStyles styles, string? organisation, bool forPdf = true)
    {
        var theme = styles.Theme;
        var layout = new LayoutContext(release, styles, FontLibrary.For(theme.Fonts), forPdf);
        try
        {
            var flow = new ReleaseLayouter(layout, organisation).Layout();
            return new LaidOutRelease(layout, organisation, Paginator.Paginate(flow, theme.Page.ContentHeight));
        }
        catch
        {
            layout.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Hands every drawable of one page to <paramref name="draw"/> with the offset that puts it on the paper (top-down
    /// points): the body items inside the margins, then the page's furniture, which is laid out on the paper already.
    /// </summary>
    public static void Each(PageTheme page, LaidOutPage content, IEnumerable<Drawable> furniture, Action<Drawable, float, float> draw)
    {
        foreach (var placed in content.Items)
        {
            foreach (var drawable in placed.Item.Drawables)
            {
                draw(drawable, page.MarginLeft, page.MarginTop + placed.Top);
            }
        }

        foreach (var drawable in furniture)
        {
            draw(drawable, 0, 0);
        }
    }

    public void Dispose() => Layout.Dispose();
}
