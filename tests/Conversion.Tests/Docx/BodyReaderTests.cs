using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Tests.Docx;

public sealed class BodyReaderTests
{
    [Theory]
    [InlineData("Heading1", "heading 1", 1)]
    [InlineData("Heading2", "Heading 2", 2)]
    [InlineData("a1", "Заголовок 1", 1)]
    [InlineData("berschrift3", "Überschrift 3", 3)]
    [InlineData("x7", "Тақырып 2", 2)]
    public void Headings_are_recognised_by_localised_style_names(string id, string name, int level)
    {
        var release = TestDocument.Create().Style(id, name).Paragraph("Section", id).Paragraph("Text").Read().Value;
        var heading = Assert.IsType<Heading>(release.Body[0]);
        Assert.Equal(level, heading.Level);
        Assert.Equal("Section", ModelText.Of(heading.Content));
    }

    [Fact]
    public void Heading_level_is_inherited_through_the_based_on_chain()
    {
        var release = TestDocument.Create().StandardStyles()
            .Style("MyHeading", "Press heading", basedOn: "Heading2")
            .Paragraph("Key issues", "MyHeading").Read().Value;
        Assert.Equal(2, Assert.IsType<Heading>(release.Body[0]).Level);
    }

    [Fact]
    public void Outline_level_on_the_paragraph_makes_a_heading()
    {
        var release = TestDocument.Create().Paragraph("Background", paragraphProperties: "<w:outlineLvl w:val=\"2\"/>").Read().Value;
        Assert.Equal(3, Assert.IsType<Heading>(release.Body[0]).Level);
    }

    [Fact]
    public void Heading_style_bold_is_not_reported_as_emphasis()
    {
        var release = TestDocument.Create().StandardStyles().Paragraph("Section", "Heading1").Read().Value;
        var text = Assert.IsType<Text>(Assert.IsType<Heading>(release.Body[0]).Content[0]);
        Assert.Equal(TextStyle.None, text.Style);
    }

    [Fact]
    public void Run_formatting_comes_from_direct_character_and_paragraph_styles()
    {
        var release = TestDocument.Create().StandardStyles()
            .Style("Emphatic", "Emphatic", rPr: "<w:i/>")
            .Body("<w:p><w:pPr><w:pStyle w:val=\"Emphatic\"/></w:pPr>"
                + "<w:r><w:t>plain-italic </w:t></w:r>"
                + "<w:r><w:rPr><w:rStyle w:val=\"Strong\"/></w:rPr><w:t>strong </w:t></w:r>"
                + "<w:r><w:rPr><w:i w:val=\"0\"/><w:u w:val=\"single\"/><w:dstrike/><w:smallCaps/><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>mixed</w:t></w:r></w:p>")
            .Read().Value;
        var texts = Assert.IsType<Paragraph>(release.Body[0]).Content.Cast<Text>().ToList();
        Assert.Equal(TextStyle.Italic, texts[0].Style);
        Assert.Equal(TextStyle.Italic | TextStyle.Bold, texts[1].Style);
        Assert.Equal(TextStyle.Underline | TextStyle.Strikethrough | TextStyle.SmallCaps | TextStyle.Superscript, texts[2].Style);
    }

    [Fact]
    public void Hidden_text_and_tracked_deletions_are_dropped_and_insertions_kept()
    {
        var release = TestDocument.Create().Body(
            "<w:p><w:r><w:t xml:space=\"preserve\">Visible </w:t></w:r>"
            + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret </w:t></w:r>"
            + "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>removed </w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t xml:space=\"preserve\">added </w:t></w:r></w:ins>"
            + "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>moved-away</w:t></w:r></w:moveFrom>"
            + "<w:moveTo w:id=\"4\" w:author=\"a\"><w:r><w:t>moved-here</w:t></w:r></w:moveTo></w:p>").Read().Value;
        Assert.Equal("Visible added moved-here", ModelText.Of(Assert.IsType<Paragraph>(release.Body[0]).Content));
    }

    [Fact]
    public void Special_characters_become_unicode_and_soft_hyphens_vanish()
    {
        var release = TestDocument.Create().Body(
            "<w:p><w:r><w:t>co</w:t><w:noBreakHyphen/><w:t>operate</w:t><w:softHyphen/><w:t xml:space=\"preserve\">d\u00A0now</w:t>"
            + "<w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:sym w:font=\"Symbol\" w:char=\"F061\"/></w:r></w:p>").Read().Value;
        var content = Assert.IsType<Paragraph>(release.Body[0]).Content;
        Assert.Equal("co\u2011operated\u00A0now\ta\nb✓α", ModelText.Of(content));
        Assert.Contains(content, i => i is Tab);
        Assert.Contains(content, i => i is LineBreak);
    }

    [Fact]
    public void Page_breaks_are_not_line_breaks()
    {
        var release = TestDocument.Create().Body("<w:p><w:r><w:t>a</w:t><w:br w:type=\"page\"/><w:t>b</w:t></w:r></w:p>").Read().Value;
        Assert.Equal("ab", ModelText.Of(Assert.IsType<Paragraph>(release.Body[0]).Content));
    }

    [Fact]
    public void Alignment_and_right_to_left_direction_are_read()
    {
        var release = TestDocument.Create()
            .Paragraph("centred", paragraphProperties: "<w:jc w:val=\"center\"/>")
            .Paragraph("justified", paragraphProperties: "<w:jc w:val=\"both\"/>")
            .Paragraph("שלום עולם", paragraphProperties: "<w:bidi/><w:jc w:val=\"right\"/>")
            .Read().Value;
        Assert.Equal(Alignment.Center, ((Paragraph)release.Body[0]).Alignment);
        Assert.Equal(Alignment.Justify, ((Paragraph)release.Body[1]).Alignment);
        var hebrew = (Paragraph)release.Body[2];
        Assert.Equal(TextDirection.RightToLeft, hebrew.Direction);
        Assert.Equal(Alignment.Start, hebrew.Alignment);
    }

    [Fact]
    public void Document_direction_follows_the_majority_of_the_text()
    {
        var release = TestDocument.Create()
            .Paragraph("مرحبا بكم في هذا البيان الصحفي الطويل", paragraphProperties: "<w:bidi/>")
            .Paragraph("ok")
            .Read().Value;
        Assert.Equal(TextDirection.RightToLeft, release.Metadata.Direction);
    }

    [Fact]
    public void Quote_styled_paragraphs_become_one_block_quote()
    {
        var release = TestDocument.Create().StandardStyles()
            .Paragraph("Before")
            .Paragraph("“Migration is development.”", "Quote")
            .Paragraph("— the Director", "Quote")
            .Paragraph("After").Read().Value;
        var quote = Assert.IsType<BlockQuote>(release.Body[1]);
        Assert.Equal(2, quote.Blocks.Count);
        Assert.IsType<Paragraph>(release.Body[2]);
    }

    [Fact]
    public void Content_controls_are_unwrapped()
    {
        var release = TestDocument.Create().Body(
            "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t xml:space=\"preserve\">Block </w:t></w:r>"
            + "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>inline</w:t></w:r></w:sdtContent></w:sdt></w:p></w:sdtContent></w:sdt>").Read().Value;
        Assert.Equal("Block inline", ModelText.Of(release.Body[0]));
    }

    [Fact]
    public void Empty_paragraphs_are_dropped()
    {
        var release = TestDocument.Create().Body("<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>").Paragraph("Text").Read().Value;
        Assert.Single(release.Body);
    }

    [Fact]
    public void Text_box_content_follows_its_paragraph_with_a_warning()
    {
        var result = TestDocument.Create().Body(
            "<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>").Read();
        Assert.Equal(["Anchor", "Boxed"], result.Value.Body.Select(ModelText.Of));
        Assert.Contains(result.Warnings, w => w.Code == "textbox.moved");
    }

    [Fact]
    public void Bookmarks_become_anchors_and_a_headings_first_bookmark_its_id()
    {
        var release = TestDocument.Create().StandardStyles()
            .Body("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:bookmarkStart w:id=\"1\" w:name=\"agenda\"/><w:r><w:t>Agenda</w:t></w:r><w:bookmarkEnd w:id=\"1\"/></w:p>")
            .Body("<w:p><w:bookmarkStart w:id=\"2\" w:name=\"_GoBack\"/><w:bookmarkStart w:id=\"3\" w:name=\"facts\"/><w:r><w:t>Facts</w:t></w:r></w:p>")
            .Read().Value;
        Assert.Equal("agenda", Assert.IsType<Heading>(release.Body[0]).AnchorId);
        var anchors = Assert.IsType<Paragraph>(release.Body[1]).Content.OfType<Anchor>().ToList();
        Assert.Equal("facts", Assert.Single(anchors).Id);
    }

    [Fact]
    public void Equations_are_kept_as_text_with_a_warning()
    {
        var result = TestDocument.Create().Body("<w:p><m:oMath><m:r><m:t>E=mc2</m:t></m:r></m:oMath></w:p>").Read();
        Assert.Equal("E=mc2", ModelText.Of(result.Value.Body[0]));
        Assert.Contains(result.Warnings, w => w.Code == "equation");
    }

    [Fact]
    public void Language_comes_from_run_languages_and_falls_back_to_document_defaults()
    {
        var russian = TestDocument.Create().Language("en-US")
            .Paragraph("Международная организация по миграции", runProperties: "<w:lang w:val=\"ru-RU\"/>").Read().Value;
        Assert.Equal("ru-RU", russian.Metadata.Language);
        var defaults = TestDocument.Create().Language("kk-KZ").Paragraph("Көші-қон жөніндегі халықаралық ұйым").Read().Value;
        Assert.Equal("kk-KZ", defaults.Metadata.Language);
    }

    [Fact]
    public void Cyrillic_text_tagged_as_english_is_recognised_by_its_script()
    {
        var release = TestDocument.Create().Language("en-US")
            .Paragraph("Көші-қон жөніндегі халықаралық ұйым Орталық Азиядағы үйлестіру кеңсесі").Read().Value;
        Assert.Equal("kk-KZ", release.Metadata.Language);
    }
}
