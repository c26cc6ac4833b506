using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Tests.Docx;
using SkiaSharp;

namespace PressPipeline.Conversion.Tests.Robustness;

/// <summary>Pictures are decoded no larger than the page needs, and a picture no page needs is left out with a warning.</summary>
public sealed class PixelBudgetTests
{
    [Fact]
    public void A_twenty_thousand_pixel_square_one_bit_png_is_left_out_of_the_pdf_with_a_warning_not_decoded()
    {
        var png = HostilePng.OneBit(20_000, 20_000);
        Assert.True(png.Length < 100_000, $"the hostile PNG is {png.Length} bytes");
        var docx = TestDocument.Create().Paragraph("Headline").ImagePart("rIdImg", png)
            .Body(LinkAndImageTests.Drawing("rIdImg", "A map", 1270000, 1270000)).Build();

        // Time and memory are measured by bench/hostile-inputs.sh, alone on the machine (docs/robustness.md);
        // here the promise is that the picture is refused from its header, which the warning shows.
        var outcome = ReleaseConverter.CreateDefault().Convert(new MemoryStream(docx), RenderContext.Local);

        var release = Assert.IsType<ConversionOutcome.Converted>(outcome).Release;
        var warning = Assert.Single(release.Warnings, w => w.Code == "pdf.image-too-large");
        Assert.Contains("20,000×20,000 pixels", warning.Message, StringComparison.Ordinal);
        // The picture stands alone in the body's second paragraph: where it is, and which file.
        Assert.Equal("paragraph 2, picture image1.png", warning.Location?.Display);
        Assert.Contains(release.Files, f => f.FileName.EndsWith(".pdf", StringComparison.Ordinal));
    }

    [Fact]
    public void A_png_larger_than_the_page_is_decoded_then_resized_to_what_the_page_needs()
    {
        var png = HostilePng.Rgba(4000, 3000, 200, 30, 40);
        using var codec = SKCodec.Create(SKData.CreateCopy(png));

        using var bitmap = BoundedDecode.Decode(codec, PixelBudget.MaxDecodedSide);

        Assert.NotNull(bitmap);
        Assert.Equal(PixelBudget.MaxDecodedSide, bitmap.Width);
        Assert.Equal(3000 * PixelBudget.MaxDecodedSide / 4000, bitmap.Height, tolerance: 1);
        Assert.Equal(new SKColor(200, 30, 40), bitmap.GetPixel(bitmap.Width / 2, bitmap.Height - 1));
    }

    [Fact]
    public void A_large_jpeg_is_decoded_at_a_smaller_scale()
    {
        using var source = new SKBitmap(8000, 6000);
        source.Erase(new SKColor(10, 120, 200));
        using var jpeg = source.Encode(SKEncodedImageFormat.Jpeg, 80);
        using var codec = SKCodec.Create(jpeg);

        using var bitmap = BoundedDecode.Decode(codec, PixelBudget.MaxDecodedSide);

        Assert.Equal(PixelBudget.MaxDecodedSide, bitmap!.Width);
    }

    [Fact]
    public void A_png_too_large_to_decode_whole_is_refused_by_the_budget()
    {
        Assert.False(new PixelBudget().TryTake(6_000, 5_000, decodesScaled: false, out var refusal));
        Assert.Contains("6,000×5,000 pixels", refusal, StringComparison.Ordinal);
        Assert.True(new PixelBudget().TryTake(6_000, 5_000, decodesScaled: true, out _));
    }

    [Fact]
    public void A_picture_smaller_than_the_page_is_decoded_at_its_own_size()
    {
        var png = HostilePng.Rgba(300, 200, 0, 0, 255);
        using var codec = SKCodec.Create(SKData.CreateCopy(png));

        using var bitmap = BoundedDecode.Decode(codec, PixelBudget.MaxDecodedSide);

        Assert.Equal((300, 200), (bitmap!.Width, bitmap.Height));
    }

    [Fact]
    public void The_document_budget_stops_decoding_once_its_pictures_add_up()
    {
        var budget = new PixelBudget();

        var taken = Enumerable.Range(0, 30).Count(_ => budget.TryTake(4_000, 3_750, decodesScaled: false, out string? _));

        Assert.Equal(20, taken); // 20 × 15 megapixels fit in 300; the 21st does not
        Assert.False(budget.TryTake(4_000, 3_750, decodesScaled: false, out var refusal));
        Assert.Contains("past what one PDF may decode", refusal, StringComparison.Ordinal);
        Assert.False(new PixelBudget().TryTake(20_000, 20_000, decodesScaled: true, out string? _));
    }
}
