using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using SkiaSharp;

namespace PressPipeline.Conversion.Tests.Pdf;

/// <summary>
/// What a layout kept for page images holds (the staff console keeps several, weighed by
/// <see cref="PdfPageImages.EstimatedBytes"/>): each picture once, nothing made for the PDF writer, and nothing
/// usable once disposed.
/// </summary>
public sealed class PdfPageImagesMemoryTests
{
    [Fact]
    public void A_JPEG_the_PDF_embeds_as_it_is_is_the_models_own_bytes_not_a_copy()
    {
        var jpeg = Jpeg(640, 480);
        using var picture = PreparedPicture.Start(jpeg, PdfRenderer.JpegQuality);

        Assert.NotNull(picture);
        Assert.True(picture.PassesThrough);
        Assert.Same(jpeg, picture.Image!.Data);
    }

    [Fact]
    public void Pictures_of_a_layout_for_page_images_are_not_encoded_for_the_PDF_and_are_counted_once()
    {
        var png = PdfSamples.Png("image1", 1200, 800);
        var release = PdfSamples.English([png], [new Paragraph([new Image("image1", "A disc", 300, 200)])]);
        using var images = new PdfRenderer().PageImages(release, RenderContext.Local);

        // The picture still paints: some page has the orange disc.
        var orange = Enumerable.Range(1, images.PageCount).Any(n =>
        {
            using var bitmap = SKBitmap.Decode(images.Png(n));
            return Enumerable.Range(0, bitmap.Height / 4).Any(y => Enumerable.Range(0, bitmap.Width / 4).Any(x => bitmap.GetPixel(x * 4, y * 4) is { Red: > 200, Green: > 120 and < 200, Blue: < 80 }));
        });
        Assert.True(orange, "no page image shows the picture");
        Assert.Equal(png.Data.Length, images.Tally.PictureBytes);
        Assert.InRange(images.EstimatedBytes, png.Data.Length + images.Tally.Glyphs * 14, png.Data.Length + (2 * 1_048_576));

        // The PDF of the same release still gets the picture encoded for it, counted again.
        using var forPdf = PreparedPicture.Start(png.Data, PdfRenderer.JpegQuality);
        Assert.NotNull(forPdf!.Image);
        Assert.False(forPdf.PassesThrough);
        using var onlyPages = PreparedPicture.Start(png.Data, PdfRenderer.JpegQuality, new PixelBudget(), forPdf: false, out _);
        Assert.Null(onlyPages!.Image);
    }

    [Fact]
    public void Disposed_page_images_refuse_to_paint()
    {
        var images = new PdfRenderer().PageImages(PdfSamples.English(), RenderContext.Local);
        Assert.NotEmpty(images.Png(1));

        images.Dispose();
        images.Dispose();

        Assert.Throws<ObjectDisposedException>(() => images.Png(1));
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return jpeg.ToArray();
    }
}
