using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Tests.Docx;

namespace PressPipeline.Conversion.Tests.Anatomy;

public sealed class ReleaseAnatomyTests
{
    private static TestDocument English() =>
        TestDocument.Create().StandardStyles()
            .Paragraph("EMBARGOED UNTIL 22 May 2014, 11:30 Astana time")
            .Paragraph("IOM Roundtable on Migration and Development", "Title")
            .Paragraph("2014 Astana Economic Forum", "Subtitle")
            .Paragraph("Astana, May 14, 2014 – On May 22nd 2014 IOM organizes a Roundtable.")
            .Paragraph("The Roundtable aims to raise awareness.")
            .Paragraph("###", paragraphProperties: "<w:jc w:val=\"center\"/>")
            .Paragraph("About IOM", "Heading2")
            .Paragraph("IOM is committed to humane and orderly migration.")
            .Paragraph("Media contacts", "Heading2")
            .Paragraph("Jane Doe, press@example.org, +7 7172 00 00 00");

    [Fact]
    public void English_release_parts_are_lifted_into_metadata()
    {
        var release = English().Read().Value;
        var metadata = release.Metadata;
        Assert.Equal("IOM Roundtable on Migration and Development", metadata.Title);
        Assert.Equal("2014 Astana Economic Forum", metadata.Subtitle);
        var embargo = Assert.IsType<ReleaseInstruction.Embargoed>(metadata.Release);
        Assert.Equal(new DateTimeOffset(2014, 5, 22, 5, 30, 0, TimeSpan.Zero), embargo.LiftsAt);
        Assert.Equal("Astana", metadata.Dateline?.Place);
        Assert.Equal("###", metadata.EndMark);
        Assert.Equal("IOM", metadata.Organisation);
        Assert.Equal("About IOM", metadata.About?.Heading);
        Assert.Equal("IOM is committed to humane and orderly migration.", ModelText.Of(Assert.Single(metadata.About!.Blocks)));
        Assert.Equal("Media contacts", metadata.MediaContacts?.Heading);
        Assert.Contains("press@example.org", ModelText.Of(metadata.MediaContacts!.Blocks[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Body_keeps_the_dateline_and_story_but_not_the_lifted_parts()
    {
        var body = English().Read().Value.Body.Select(ModelText.Of).ToList();
        Assert.Equal(
            ["Astana, May 14, 2014 – On May 22nd 2014 IOM organizes a Roundtable.", "The Roundtable aims to raise awareness."],
            body);
    }

    [Fact]
    public void Russian_release_is_understood()
    {
        var metadata = TestDocument.Create().Language("ru-RU").StandardStyles()
            .Style("a1", "Заголовок 1")
            .Paragraph("Под эмбарго до 22 мая 2014 г., 11:30 по времени Астаны")
            .Paragraph("Круглый стол МОМ «Миграция и развитие в Таможенном союзе»", "Title")
            .Paragraph("Астана, 14 мая 2014 г. — Международная организация по миграции (МОМ) проводит круглый стол.")
            .Paragraph("Текст пресс-релиза.")
            .Paragraph("###")
            .Paragraph("О МОМ", "a1")
            .Paragraph("МОМ была основана в 1951 году.")
            .Paragraph("Контакты для СМИ", "a1")
            .Paragraph("Анна Иванова, press@example.org")
            .Read().Value.Metadata;
        Assert.Equal("ru-RU", metadata.Language);
        Assert.IsType<ReleaseInstruction.Embargoed>(metadata.Release);
        Assert.Equal("Круглый стол МОМ «Миграция и развитие в Таможенном союзе»", metadata.Title);
        Assert.Equal("Астана", metadata.Dateline?.Place);
        Assert.Equal("МОМ", metadata.Organisation);
        Assert.NotNull(metadata.About);
        Assert.Equal("Контакты для СМИ", metadata.MediaContacts?.Heading);
    }

    [Fact]
    public void Kazakh_release_is_understood()
    {
        var metadata = TestDocument.Create().Language("kk-KZ").StandardStyles()
            .Paragraph("Дереу таратуға арналған")
            .Paragraph("ХКҰ дөңгелек үстелі", "Title")
            .Paragraph("Астана, 2014 жылғы 14 мамыр — Халықаралық көші-қон ұйымы дөңгелек үстел өткізеді.")
            .Paragraph("-ENDS-")
            .Paragraph("ХКҰ туралы", "Heading2")
            .Paragraph("ХКҰ 1951 жылы құрылған.")
            .Paragraph("БАҚ үшін байланыс", "Heading2")
            .Paragraph("press@example.org")
            .Read().Value.Metadata;
        Assert.Equal("kk-KZ", metadata.Language);
        Assert.IsType<ReleaseInstruction.Immediate>(metadata.Release);
        Assert.Equal("ХКҰ дөңгелек үстелі", metadata.Title);
        Assert.Equal(new DateOnly(2014, 5, 14), metadata.Dateline?.Date);
        Assert.Equal("-ENDS-", metadata.EndMark);
        Assert.Equal("ХКҰ", metadata.Organisation);
        Assert.NotNull(metadata.MediaContacts);
    }

    [Fact]
    public void Bold_first_paragraph_is_the_headline_when_the_document_is_a_release()
    {
        var release = TestDocument.Create()
            .Paragraph("FOR IMMEDIATE RELEASE")
            .Paragraph("IOM opens a new office", runProperties: "<w:b/>")
            .Paragraph("GENEVA, 5 June 2024 - IOM today opened an office.")
            .Read().Value;
        Assert.Equal("IOM opens a new office", release.Metadata.Title);
        Assert.IsType<ReleaseInstruction.Immediate>(release.Metadata.Release);
        Assert.Single(release.Body);
    }

    [Fact]
    public void Ordinary_documents_keep_their_opening_paragraphs()
    {
        var release = TestDocument.Create().StandardStyles()
            .Paragraph("Minutes", "Heading1")
            .Paragraph("Bold opening line", runProperties: "<w:b/>")
            .Read().Value;
        Assert.Equal(2, release.Body.Count);
        Assert.Equal("Minutes", release.Metadata.Title);
        Assert.IsType<ReleaseInstruction.NotStated>(release.Metadata.Release);
    }

    [Fact]
    public void Everything_after_the_end_mark_belongs_to_a_section()
    {
        var metadata = TestDocument.Create().StandardStyles()
            .Paragraph("Headline", "Title")
            .Paragraph("Story.")
            .Paragraph("- ENDS -")
            .Paragraph("Background figures for editors.")
            .Paragraph("About IOM", "Heading2")
            .Paragraph("Boilerplate.")
            .Read().Value.Metadata;
        Assert.Equal("Background figures for editors.", ModelText.Of(Assert.Single(metadata.NotesToEditors!.Blocks)));
        Assert.Equal("Boilerplate.", ModelText.Of(Assert.Single(metadata.About!.Blocks)));
    }

    [Fact]
    public void Contact_line_with_the_details_after_a_colon_is_lifted_whole()
    {
        var metadata = TestDocument.Create().StandardStyles()
            .Paragraph("FOR IMMEDIATE RELEASE")
            .Paragraph("Headline", "Title")
            .Paragraph("GENEVA, 5 June 2024 - Story.")
            .Paragraph("Media contact: Jane Doe, press@example.org", runProperties: "<w:b/>")
            .Read().Value.Metadata;
        Assert.Equal("Media contact", metadata.MediaContacts?.Heading);
        Assert.Equal("Media contact: Jane Doe, press@example.org", ModelText.Of(Assert.Single(metadata.MediaContacts!.Blocks)));
    }

    [Fact]
    public void Unparsable_embargo_keeps_its_text_and_warns()
    {
        var result = TestDocument.Create().StandardStyles()
            .Paragraph("EMBARGOED UNTIL further notice")
            .Paragraph("Headline", "Title")
            .Read();
        Assert.IsType<ReleaseInstruction.EmbargoedUnparsed>(result.Value.Metadata.Release);
        Assert.Contains(result.Warnings, w => w.Code == "embargo.unparsed");
    }

    [Fact]
    public void Core_properties_are_read_without_the_clock()
    {
        var release = TestDocument.Create().Paragraph("x").Read().Value;
        Assert.NotNull(release.Metadata.Document);
        Assert.Null(release.Metadata.Document.Author);
    }
}
