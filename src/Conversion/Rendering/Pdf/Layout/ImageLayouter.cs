using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Text;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>
/// Pictures: scaled to fit the column (and a page) keeping their aspect ratio, centred. Their pixels are
/// prepared on the side (<see cref="PreparedPicture"/>); a picture whose format Skia can't read becomes a
/// shaded placeholder with its alt text and a warning, never an exception.
/// </summary>
internal sealed class ImageLayouter(LayoutContext context)
{
    public List<FlowItem> Layout(Image image, float width)
    {
        var picture = Find(image);
        var (naturalWidth, naturalHeight) = NaturalSize(image, picture);
        var maxHeight = context.Styles.Theme.Page.ContentHeight * 0.8f;
        var scale = Math.Min(1f, Math.Min(width / naturalWidth, maxHeight / naturalHeight));
        var drawWidth = naturalWidth * scale;
        var drawHeight = naturalHeight * scale;
        var left = (width - drawWidth) / 2;
        var rect = new SKRect(left, 0, left + drawWidth, drawHeight);
        if (picture is not null)
        {
            return [new FlowItem(drawHeight, [new ImageDrawable(picture, rect)]) { SpaceBefore = context.Styles.Theme.Text.ParagraphSpacing }];
        }

        var label = context.Styles.Labels.ImagePlaceholder.Replace("{alt}", image.AltText.Length > 0 ? image.AltText : image.ResourceId, StringComparison.Ordinal);
        var text = new StyledText();
        text.Append(label, context.Styles.Small);
        var lines = context.Paragraphs.Layout(text, drawWidth - 8, Alignment.Center, TextDirection.LeftToRight);
        var boxHeight = Math.Max(Math.Min(drawHeight, 120), lines.Sum(l => l.Height) + 8);
        var drawables = new List<Drawable> { new FillDrawable(new SKRect(left, 0, left + drawWidth, boxHeight), context.Styles.PlaceholderFill) };
        var y = (boxHeight - lines.Sum(l => l.Height)) / 2;
        foreach (var line in lines)
        {
            drawables.AddRange(line.Drawables.Select(d => d.Offset(left + 4, y)));
            y += line.Height;
        }

        return [new FlowItem(boxHeight, drawables) { SpaceBefore = context.Styles.Theme.Text.ParagraphSpacing }];
    }

    private PreparedPicture? Find(Image image)
    {
        var resourceId = image.ResourceId;
        var picture = context.Picture(resourceId);
        if (picture is null)
        {
            var resource = context.Release.Images.FirstOrDefault(i => i.Id == resourceId);
            if (context.OverBudget(resourceId) is { } reason)
            {
                context.Warn("pdf.image-too-large", $"The picture '{resource?.FileName ?? resourceId}' {reason}, so the PDF shows a placeholder with its description; make it smaller in Word (Picture Format › Compress Pictures) and upload again.", ModelPlaces.Of(context.Release, image, resource?.FileName ?? resourceId));
                return null;
            }

            context.Warn("pdf.image-unreadable", PdfRenderer.UnreadablePicture(resource?.FileName ?? resourceId, "shows a placeholder with its description"), ModelPlaces.Of(context.Release, image, resource?.FileName ?? resourceId));
        }

        return picture;
    }

    private static (float Width, float Height) NaturalSize(Image image, PreparedPicture? picture)
    {
        if (image.WidthPoints > 0 && image.HeightPoints > 0)
        {
            return ((float)image.WidthPoints, (float)image.HeightPoints);
        }

        // No extent in the document: assume 96 dpi pixels, as Word does.
        return picture is null ? (200f, 120f) : (picture.PixelSize.Width * 0.75f, picture.PixelSize.Height * 0.75f);
    }
}
