using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Tests.Docx;

public sealed class LinkAndImageTests
{
    [Fact]
    public void Relationship_hyperlinks_keep_their_target_and_text()
    {
        var release = TestDocument.Create().Link("rIdL", "https://www.iom.int/")
            .Body("<w:p><w:hyperlink r:id=\"rIdL\"><w:r><w:t>IOM</w:t></w:r></w:hyperlink></w:p>").Read().Value;
        var link = Assert.IsType<Hyperlink>(Assert.IsType<Paragraph>(release.Body[0]).Content[0]);
        Assert.Equal("https://www.iom.int/", link.Target.AbsoluteUri);
        Assert.Equal("IOM", ModelText.Of(link.Content));
    }

    [Fact]
    public void Anchor_hyperlinks_become_internal_links()
    {
        var release = TestDocument.Create().Body("<w:p><w:hyperlink w:anchor=\"agenda\"><w:r><w:t>see agenda</w:t></w:r></w:hyperlink></w:p>").Read().Value;
        Assert.Equal("agenda", Assert.IsType<InternalLink>(Assert.IsType<Paragraph>(release.Body[0]).Content[0]).AnchorId);
    }

    [Fact]
    public void Field_code_hyperlinks_are_read_in_complex_and_simple_form()
    {
        var release = TestDocument.Create().Body(
            "<w:p><w:r><w:t xml:space=\"preserve\">Visit </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            + "<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://www.iom.kz\" \\o \"tip\" </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>iom.kz</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r><w:t xml:space=\"preserve\"> or </w:t></w:r>"
            + "<w:fldSimple w:instr=\" HYPERLINK &quot;mailto:press@example.org&quot; \"><w:r><w:t>write</w:t></w:r></w:fldSimple></w:p>").Read().Value;
        var links = Assert.IsType<Paragraph>(release.Body[0]).Content.OfType<Hyperlink>().ToList();
        Assert.Equal(["https://www.iom.kz/", "mailto:press@example.org"], links.Select(l => l.Target.ToString()));
        Assert.Equal("Visit iom.kz or write", ModelText.Of(release.Body[0]));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "link.scheme-dropped")]
    [InlineData("file:///C:/secret.docx", "link.scheme-dropped")]
    [InlineData("court-exif.jpg", "link.relative-dropped")]
    public void Unsafe_or_relative_links_are_dropped_but_their_text_kept(string target, string warning)
    {
        var result = TestDocument.Create().Link("rIdX", target)
            .Body("<w:p><w:hyperlink r:id=\"rIdX\"><w:r><w:t>click</w:t></w:r></w:hyperlink></w:p>").Read();
        var content = Assert.IsType<Paragraph>(result.Value.Body[0]).Content;
        Assert.DoesNotContain(content, i => i is Hyperlink);
        Assert.Equal("click", ModelText.Of(content));
        Assert.Contains(result.Warnings, w => w.Code == warning);
    }

    [Fact]
    public void Inline_pictures_carry_alt_text_size_and_pixel_dimensions()
    {
        var release = TestDocument.Create().ImagePart("rIdImg", TestDocument.TinyPng)
            .Body(Drawing("rIdImg", "A red square", 1270000, 635000)).Read().Value;
        var image = Assert.IsType<Image>(Assert.IsType<Paragraph>(release.Body[0]).Content[0]);
        Assert.Equal("A red square", image.AltText);
        Assert.Equal(100, image.WidthPoints);
        Assert.Equal(50, image.HeightPoints);
        var resource = Assert.Single(release.Images);
        Assert.Equal(("image1", "image1.png", "image/png", 10, 10), (resource.Id, resource.FileName, resource.ContentType, resource.PixelWidth, resource.PixelHeight));
        Assert.Equal(image.ResourceId, resource.Id);
    }

    [Fact]
    public void Picture_without_description_uses_its_title_or_warns()
    {
        var result = TestDocument.Create().ImagePart("rIdImg", TestDocument.TinyPng)
            .Body(Drawing("rIdImg", null, 12700, 12700, title: "Logo"))
            .Body(Drawing("rIdImg", null, 12700, 12700)).Read();
        var images = ModelText.AllInlines(result.Value.Body).OfType<Image>().ToList();
        Assert.Equal("Logo", images[0].AltText);
        Assert.Equal(string.Empty, images[1].AltText);
        Assert.Single(result.Value.Images);
        Assert.Contains(result.Warnings, w => w.Code == "image.alt-missing");
    }

    [Fact]
    public void Charts_and_smartart_raise_warnings()
    {
        var result = TestDocument.Create().Body(
            "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"1\" cy=\"1\"/><wp:docPr id=\"1\" name=\"c\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"/></a:graphic></wp:inline></w:drawing></w:r></w:p>").Read();
        Assert.Contains(result.Warnings, w => w.Code == "chart.dropped");
    }

    internal static string Drawing(string relationshipId, string? description, long cx, long cy, string? title = null) =>
        "<w:p><w:r><w:drawing><wp:inline>"
        + $"<wp:extent cx=\"{cx}\" cy=\"{cy}\"/>"
        + $"<wp:docPr id=\"1\" name=\"Picture 1\"{(description is null ? string.Empty : $" descr=\"{description}\"")}{(title is null ? string.Empty : $" title=\"{title}\"")}/>"
        + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
        + "<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"p.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
        + $"<pic:blipFill><a:blip r:embed=\"{relationshipId}\"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic>"
        + "</wp:inline></w:drawing></w:r></w:p>";
}
