using PressPipeline.Conversion.Rendering.Pdf.Layout;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Paint;

/// <summary>
/// Draws one laid-out page onto a Skia raster canvas and encodes it as PNG: the page image the staff console shows
/// for the PDF. It draws the drawables <see cref="PdfPainter"/> writes (glyph runs at their shaped positions with
/// the same fonts and synthetic bold/italic, rules and borders, fills, pictures, the page furniture), on white
/// paper at <c>scale</c> pixels per point. Links and named destinations have no ink and are left out.
/// </summary>
internal static class RasterPainter
{
    public static byte[] Paint(LaidOutPage content, IEnumerable<Drawable> furniture, Theme.PageTheme page, float scale)
    {
        var (width, height) = PixelSize(page, scale);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not make a canvas for a page image.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        using var paint = new SKPaint { IsAntialias = true };
        using var pictures = new PictureCache();
        LaidOutRelease.Each(page, content, furniture, (drawable, dx, dy) =>
        {
            switch (drawable)
            {
                case GlyphRunDrawable run:
                    Text(canvas, paint, run, dx, dy);
                    break;
                case LineDrawable line:
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = line.Width;
                    paint.Color = line.Colour;
                    canvas.DrawLine(line.From.X + dx, line.From.Y + dy, line.To.X + dx, line.To.Y + dy, paint);
                    break;
                case FillDrawable box:
                    paint.Style = SKPaintStyle.Fill;
                    paint.Color = box.Colour;
                    canvas.DrawRect(FillDrawable.Shift(box.Rect, dx, dy), paint);
                    break;
                case ImageDrawable image when pictures.Get(image.Picture) is { } pixels:
                    canvas.DrawImage(pixels, FillDrawable.Shift(image.Rect, dx, dy), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
                    break;
                default:
                    break;
            }
        });

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("Skia could not encode a page image as PNG.");
        return png.ToArray();
    }

    /// <summary>The canvas <see cref="Paint"/> draws on: the paper at <paramref name="scale"/>, rounded up.</summary>
    public static (int Width, int Height) PixelSize(Theme.PageTheme page, float scale) =>
        (Math.Max(1, (int)Math.Ceiling(page.PaperSize.Width * scale)), Math.Max(1, (int)Math.Ceiling(page.PaperSize.Height * scale)));

    // The run's glyphs where the PDF puts them: each at the origin plus its shaped position (y down on both sides).
    private static void Text(SKCanvas canvas, SKPaint paint, GlyphRunDrawable run, float dx, float dy)
    {
        if (run.Glyphs.Length == 0)
        {
            return;
        }

        using var builder = new SKTextBlobBuilder();
        var buffer = builder.AllocatePositionedRun(run.Font, run.Glyphs.Length);
        buffer.SetGlyphs(run.Glyphs);
        var positions = new SKPoint[run.Positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = new SKPoint(run.Origin.X + dx + run.Positions[i].X, run.Origin.Y + dy + run.Positions[i].Y);
        }

        buffer.SetPositions(positions);
        using var blob = builder.Build();
        if (blob is null)
        {
            return;
        }

        paint.Style = SKPaintStyle.Fill;
        paint.Color = run.Colour;
        canvas.DrawText(blob, 0, 0, paint);
    }

    /// <summary>Each picture decoded once per page, however often it is drawn.</summary>
    private sealed class PictureCache : IDisposable
    {
        private readonly Dictionary<PreparedPicture, SKImage?> decoded = new(ReferenceEqualityComparer.Instance);

        public SKImage? Get(PreparedPicture picture)
        {
            if (!decoded.TryGetValue(picture, out var image))
            {
                decoded[picture] = image = picture.DecodeForRaster();
            }

            return image;
        }

        public void Dispose()
        {
            foreach (var image in decoded.Values)
            {
                image?.Dispose();
            }
        }
    }
}
