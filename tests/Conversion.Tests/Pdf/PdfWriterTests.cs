using System.Text;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Rendering.Pdf;
using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Paint;
using PressPipeline.Conversion.Rendering.Pdf.Theme;
using PressPipeline.Conversion.Rendering.Pdf.Writer;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using ModelText = PressPipeline.Conversion.Model.Text;

namespace PressPipeline.Conversion.Tests.Pdf;

/// <summary>The PDF writer's own parts, each checked against an independent reader of the same format.</summary>
public sealed class PdfWriterTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(12.0, "12")]
    [InlineData(0.5, "0.5")]
    [InlineData(-3.125, "-3.125")]
    [InlineData(841.8898, "841.89")]
    [InlineData(0.0004, "0")]
    [InlineData(0.05, "0.05")]
    [InlineData(-0.007, "-0.007")]
    [InlineData(1234567.25, "1234567.25")]
    public void Numbers_are_written_with_at_most_three_decimals_and_no_trailing_zeros(double value, string expected)
    {
        var bytes = new PdfBytes().Number(value);

        Assert.Equal(expected, Encoding.ASCII.GetString(bytes.Written));
    }

    [Fact]
    public void Text_strings_are_literal_when_ascii_and_utf16_hex_otherwise()
    {
        Assert.Equal("(a \\(b\\) \\\\c)", Encoding.ASCII.GetString(new PdfBytes().Text("a (b) \\c").Written));
        Assert.Equal("<FEFF049A0430>", Encoding.ASCII.GetString(new PdfBytes().Text("Қа").Written));
    }

    [Fact]
    public void The_srgb_output_profile_is_a_valid_icc_profile_that_skia_reads_as_srgb()
    {
        using var colourSpace = SKColorSpace.CreateIcc(SrgbProfile.Data);

        Assert.NotNull(colourSpace);
        Assert.True(colourSpace.IsSrgb, "skcms should recognise the profile as sRGB");
    }

    [Fact]
    public void Font_widths_read_from_the_tables_match_harfbuzz_advances()
    {
        var face = FontLibrary.For(PdfTheme.Default.Fonts).Families[0].Regular;
        var bytes = new byte[face.Data.Length];
        System.Runtime.InteropServices.Marshal.Copy(face.Data.Address, bytes, 0, bytes.Length);

        var metrics = TrueTypeMetrics.Read(bytes);

        using var font = new HarfBuzzSharp.Font(face.HarfBuzzFace);
        Assert.Equal(face.HarfBuzzFace.UnitsPerEm, metrics.UnitsPerEm);
        foreach (var character in "AaЖҚә1 ")
        {
            Assert.True(font.TryGetGlyph(character, out var glyph));
            Assert.Equal(font.GetHorizontalGlyphAdvance(glyph), metrics.Advances[glyph]);
        }

        Assert.True(metrics.Ascender > 0 && metrics.Descender < 0);
    }

    [Fact]
    public void A_font_without_the_tables_a_pdf_needs_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => TrueTypeMetrics.Read(new byte[64]));

        Assert.Contains("'glyf'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_font_with_postscript_outlines_is_refused_with_the_fix_in_the_message()
    {
        var cff = new byte[64];
        "OTTO"u8.CopyTo(cff);

        var error = Assert.Throws<InvalidDataException>(() => TrueTypeMetrics.Read(cff));

        Assert.Contains(".ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jpeg_frame_header_gives_the_colour_component_count()
    {
        using var colour = Encode(SKColorType.Rgba8888);
        using var grey = Encode(SKColorType.Gray8);

        Assert.Equal(3, PdfImage.JpegComponents(colour.Span));
        Assert.Equal(1, PdfImage.JpegComponents(grey.Span));
        Assert.Null(PdfImage.JpegComponents([0xFF, 0xD8, 0x00, 0x01]));

        static SKData Encode(SKColorType type)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(8, 8, type, SKAlphaType.Opaque));
            bitmap.Erase(SKColors.Gray);
            using var pixels = bitmap.PeekPixels();
            return pixels.Encode(new SKJpegEncoderOptions(80, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
                ?? throw new InvalidOperationException("Skia did not encode the JPEG");
        }
    }

    [Fact]
    public void A_grey_jpeg_passes_through_as_a_grey_dct_image()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(40, 20, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(SKColors.DarkGray);
        using var pixels = bitmap.PeekPixels();
        using var jpeg = pixels.Encode(new SKJpegEncoderOptions(80, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("Skia did not encode the JPEG");
        var image = new ImageResource("image1", "grey.jpg", "image/jpeg", jpeg.ToArray());
        var release = PdfSamples.English([image], [new Paragraph([new Image("image1", "Grey", 200, 100)])]);

        using var document = PdfDocument.Open(new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray());

        var picture = Assert.Single(document.GetPages().SelectMany(p => p.GetImages()));
        Assert.Equal(NameToken.DctDecode, picture.ImageDictionary.Data[NameToken.Filter.Data]);
        Assert.Equal(NameToken.Devicegray, picture.ImageDictionary.Data[NameToken.ColorSpace.Data]);
        Assert.Equal(jpeg.ToArray(), picture.RawBytes.ToArray());
    }

    [Fact]
    public void Ligatures_copy_as_their_letters()
    {
        var release = PdfSamples.Simple("Ligatures", "en", TextDirection.LeftToRight, [PdfSamples.Para("An efficient office affirms its flexible staff.")]);

        var pdf = new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray();
        using var document = PdfDocument.Open(pdf);

        var words = document.GetPage(1).GetWords().Select(w => w.Text).ToList();
        Assert.Contains("efficient", words);
        Assert.Contains("office", words);
        Assert.Contains("affirms", words);
        Assert.DoesNotContain(words, w => w.Any(c => c is >= '\uFB00' and <= '\uFB06'));
    }

    [Fact]
    public void Characters_no_font_has_keep_their_source_text_as_actual_text()
    {
        var release = PdfSamples.Simple("Missing", "en", TextDirection.LeftToRight, [PdfSamples.Para("Hello 你好 world")]);

        var pdf = new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray();

        // The boxes that print in their place say, through ActualText, which characters they stand for.
        var content = ContentStreams(pdf);
        Assert.Contains("/ActualText<FEFF4F60>", content, StringComparison.Ordinal);
        Assert.Contains("/ActualText<FEFF597D>", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthetic_italic_slants_the_text_matrix_and_keeps_the_text()
    {
        // The Hebrew face has no italic: the text is slanted by the text matrix instead.
        var release = PdfSamples.Simple("Slant", "he", TextDirection.RightToLeft, [new Paragraph([new ModelText("שלום עולם", TextStyle.Italic)])]);

        var pdf = new PdfRenderer().Render(release, RenderContext.Local).Value.Content.ToArray();

        Assert.Matches(@"1 0 0\.\d+ 1 [\d.]+ [\d.]+ Tm", ContentStreams(pdf));
        Assert.Contains("שלום", PdfReadBack.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_a_essentials_are_in_place()
    {
        var pdf = new PdfRenderer().Render(PdfSamples.English(), RenderContext.Local).Value.Content.ToArray();
        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;

        // An sRGB output intent whose profile is a three-component ICC stream.
        var intents = Assert.IsType<ArrayToken>(catalog.Data["OutputIntents"]);
        var intent = Assert.IsType<DictionaryToken>(Assert.Single(intents.Data));
        Assert.Equal("GTS_PDFA1", ((NameToken)intent.Data["S"]).Data);
        var profile = Assert.IsType<StreamToken>(document.Structure.GetObject(((IndirectReferenceToken)intent.Data["DestOutputProfile"]).Data).Data);
        Assert.Equal(3, ((NumericToken)profile.StreamDictionary.Data["N"]).Int);

        // The XMP packet is stored unfiltered, so any tool can read it.
        var metadata = Assert.IsType<StreamToken>(document.Structure.GetObject(((IndirectReferenceToken)catalog.Data["Metadata"]).Data).Data);
        Assert.False(metadata.StreamDictionary.ContainsKey(NameToken.Filter));

        // Every annotation prints (flag 4) and the header carries the binary marker.
        var annotations = document.GetPages().SelectMany(p => p.GetAnnotations()).ToList();
        Assert.NotEmpty(annotations);
        Assert.All(annotations, a => Assert.Equal(4, (int)a.Flags & 4));
        Assert.True(pdf[10] >= 0x80 && pdf[11] >= 0x80, "the second line holds bytes above 127");
    }

    [Fact]
    public void A_run_stored_in_visual_order_still_maps_each_glyph_to_its_own_letter()
    {
        // Layout stores runs in logical order; a run in visual order (clusters falling) must not make each glyph
        // stand for the rest of the text after it.
        var theme = PdfTheme.Default;
        var fonts = FontLibrary.For(theme.Fonts);
        var hebrew = fonts.Families.Select(f => f.Regular).First(face => face.Covers('ש') && !face.Covers('A'));
        var font = SizedFonts.Get(hebrew, 12, false, false);
        const string word = "שלום";
        var visual = Enumerable.Range(0, word.Length).Reverse().ToArray();
        var run = new GlyphRunDrawable(
            font,
            new SKPoint(0, 20),
            [.. visual.Select(i => hebrew.Glyph(word[i]))],
            [.. visual.Select((_, at) => new SKPoint(at * 8, 0))],
            word,
            visual,
            0,
            word.Length,
            SKColors.Black);
        var release = PdfSamples.Simple("Visual order", "he", TextDirection.RightToLeft, []);
        using var layout = new LayoutContext(release, new LayoutStyles(theme, PdfLabels.For(PressPipeline.Templates.TemplateLibrary.Embedded.Labels("en"))), fonts);
        var page = new LaidOutPage([new PlacedItem(new FlowItem(30, [run]), 0)]);
        var metadata = new DocumentMetadata("t", string.Empty, string.Empty, string.Empty, "c", "p", null, null);

        var pdf = PdfPainter.Paint([page], new PageFurniture(layout, null), metadata, theme.Page, "he");

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPage(1).Letters.Where(l => l.Value.Any(c => c is >= '\u0590' and <= '\u05FF')).ToList();
        Assert.Equal(word.Length, letters.Count);
        Assert.All(letters, l => Assert.Single(l.Value));
        Assert.Equal(word.Reverse().Select(c => c.ToString()), letters.Select(l => l.Value));
    }

    // Every deflated stream inflated and joined: the page contents among them, read without the writer's help.
    private static string ContentStreams(byte[] pdf)
    {
        var builder = new StringBuilder();
        var raw = pdf.AsSpan();
        var at = 0;
        while (raw[at..].IndexOf("/FlateDecode"u8) is var filter and >= 0)
        {
            var start = at + filter;
            var streamAt = start + raw[start..].IndexOf("stream\n"u8) + "stream\n".Length;
            var end = streamAt + raw[streamAt..].IndexOf("\nendstream"u8);
            using var inflater = new System.IO.Compression.ZLibStream(new MemoryStream(pdf, streamAt, end - streamAt), System.IO.Compression.CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            inflater.CopyTo(inflated);
            builder.Append(Encoding.Latin1.GetString(inflated.ToArray())).Append('\n');
            at = end;
        }

        return builder.ToString();
    }
}
