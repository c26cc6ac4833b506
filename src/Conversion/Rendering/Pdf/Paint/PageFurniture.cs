using System.Globalization;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Text;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// Running header (pages after the first: organisation and headline) and footer ("Page N of M"). Laid
/// out after pagination, which is the second pass that makes M known.
/// </summary>
internal sealed class PageFurniture(LayoutContext context, string? organisation)
{
    public IEnumerable<Drawable> For(int pageNumber, int pageCount)
    {
        var page = context.Styles.Theme.Page;
        var small = context.Styles.Small;
        var width = page.ContentWidth;
        var footerText = context.Styles.Labels.PageOf
            .Replace("{page}", pageNumber.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pages}", pageCount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var footerTop = page.PaperSize.Height - page.MarginBottom + page.FooterOffset - 10;
        var rtl = context.Release.Metadata.Direction == TextDirection.RightToLeft;
        foreach (var drawable in SingleLine(footerText, small, width, rtl ? Alignment.Start : Alignment.End, TextDirection.LeftToRight))
        {
            yield return drawable.Offset(page.MarginLeft, footerTop);
        }

        if (pageNumber == 1)
        {
            yield break;
        }

        var headerTop = page.MarginTop - page.HeaderOffset - 4;
        var headerText = string.IsNullOrWhiteSpace(organisation) ? context.Release.Metadata.Title : organisation + " — " + context.Release.Metadata.Title;
        foreach (var drawable in SingleLine(headerText, small, width, Alignment.Start, context.Release.Metadata.Direction))
        {
            yield return drawable.Offset(page.MarginLeft, headerTop);
        }

        var ruleY = headerTop + (small.Size * 1.6f);
        yield return new LineDrawable(new SKPoint(page.MarginLeft, ruleY), new SKPoint(page.MarginLeft + width, ruleY), context.Styles.TableBorderColour, 0.4f);
    }

    // Only the first line: a long headline in the running header is cut, not wrapped.
    private IReadOnlyList<Drawable> SingleLine(string text, RunStyle style, float width, Alignment alignment, TextDirection direction)
    {
        var styled = new StyledText();
        styled.Append(text, style);
        var lines = context.Paragraphs.Layout(styled, width, alignment, direction);
        return lines.Count == 0 ? [] : lines[0].Drawables;
    }
}
