using SkiaSharp;

namespace PressPipeline.Samples;

/// <summary>
/// Draws the sample's illustration (migration routes between Customs Union capitals) with SkiaSharp, so
/// the sample needs no downloaded image. No text is drawn: the picture must not depend on installed fonts.
/// </summary>
internal static class RoutesPicture
{
    public static byte[] Draw(int width = 480, int height = 240)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xE8, 0xF1, 0xFB));

        SKPoint[] cities = [new(70, 80), new(390, 70), new(300, 170), new(180, 190), new(250, 60)];
        using var route = new SKPaint { Color = new SKColor(0x00, 0x33, 0xA0), StrokeWidth = 4, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var city = new SKPaint { Color = new SKColor(0xF2, 0xA9, 0x00), IsAntialias = true, Style = SKPaintStyle.Fill };
        using var hub = new SKPaint { Color = new SKColor(0xC8, 0x10, 0x2E), IsAntialias = true, Style = SKPaintStyle.Fill };
        foreach (var destination in cities[1..])
        {
            canvas.DrawLine(cities[0], destination, route);
        }

        foreach (var point in cities[1..])
        {
            canvas.DrawCircle(point, 10, city);
        }

        canvas.DrawCircle(cities[0], 14, hub);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
