using System.Text;
using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Tests.Docx;

namespace PressPipeline.Conversion.Tests.Robustness;

/// <summary>
/// Pictures are published only as what their bytes are: a part labelled as an image that is really an HTML page or
/// a scripted SVG would otherwise be served from the newsroom, under its own domain, as a page (stored XSS).
/// </summary>
public sealed class ImagePublishingTests
{
    private const string Html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";
    private const string ScriptedSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/></svg>";

    [Theory]
    [InlineData("text/html", Html)]
    [InlineData("image/svg+xml", ScriptedSvg)]
    [InlineData("image/png", Html)]
    public void An_image_part_that_is_not_a_picture_is_not_published_and_says_so(string contentType, string content)
    {
        var docx = Package((contentType, "rIdImg", Encoding.UTF8.GetBytes(content)));

        var release = Convert(docx);

        Assert.DoesNotContain(release.Files, f => f.Variant == "image");
        Assert.DoesNotContain(release.Files, f => f.ContentType.Contains("html", StringComparison.Ordinal) && f.Variant == "image");
        Assert.All(release.Files, f => Assert.DoesNotContain("alert(document.cookie)", Encoding.UTF8.GetString(f.Content.Span), StringComparison.Ordinal));
        Assert.Contains(release.Warnings, w => w.Code == "image.dropped");
    }

    [Fact]
    public void A_picture_is_named_and_typed_by_its_bytes_not_by_its_label()
    {
        var docx = Package(("image/jpeg", "rIdImg", TestDocument.TinyPng));

        var image = Assert.Single(Convert(docx).Files, f => f.Variant == "image");

        Assert.Equal(("images/image1.png", "image/png"), (image.FileName, image.ContentType));
    }

    [Fact]
    public void An_svg_picture_is_shown_through_the_png_word_stores_beside_it()
    {
        // As Word writes it: a:blip points at the PNG, and an extension inside it at the SVG.
        var docx = Package(("image/png", "rIdPng", TestDocument.TinyPng), ("image/svg+xml", "rIdSvg", Encoding.UTF8.GetBytes(ScriptedSvg)));

        var release = Convert(docx);

        var image = Assert.Single(release.Files, f => f.Variant == "image");
        Assert.Equal(("images/image1.png", "image/png"), (image.FileName, image.ContentType));
        Assert.DoesNotContain(release.Files, f => f.FileName.EndsWith(".svg", StringComparison.Ordinal));
    }

    private static ConvertedRelease Convert(byte[] docx) =>
        Assert.IsType<ConversionOutcome.Converted>(ReleaseConverter.CreateDefault().Convert(new MemoryStream(docx), RenderContext.Local)).Release;

    /// <summary>A release with one picture whose a:blip embeds the first part; a second part, if any, is its SVG extension.</summary>
    private static byte[] Package(params (string ContentType, string Id, byte[] Data)[] parts)
    {
        var svgExtension = parts.Length > 1
            ? "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\""
                + parts[1].Id + "\"/></a:ext></a:extLst>"
            : string.Empty;
        var drawing = LinkAndImageTests.Drawing(parts[0].Id, "The venue", 1270000, 635000)
            .Replace($"<a:blip r:embed=\"{parts[0].Id}\"/>", $"<a:blip r:embed=\"{parts[0].Id}\">{svgExtension}</a:blip>", StringComparison.Ordinal);
        var docx = TestDocument.Create().Paragraph("FOR IMMEDIATE RELEASE").Paragraph("Venue announced").Body(drawing).Paragraph("###").Build();
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            foreach (var (contentType, id, data) in parts)
            {
                var part = document.MainDocumentPart!.AddNewPart<ImagePart>(contentType, id);
                using var content = new MemoryStream(data);
                part.FeedData(content);
            }
        }

        return stream.ToArray();
    }
}
