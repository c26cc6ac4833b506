using PressPipeline.Conversion.Anatomy;

namespace PressPipeline.Conversion.Tests.Anatomy;

public sealed class DatelineAndMarkTests
{
    [Theory]
    [InlineData("Astana, May 14, 2014 – On May 22nd 2014 IOM organizes a roundtable.", "Astana", 2014, 5, 14)]
    [InlineData("GENEVA, 5 June 2024 - IOM today launched its report.", "GENEVA", 2024, 6, 5)]
    [InlineData("Астана, 14 мая 2014 г. — Международная организация по миграции проводит круглый стол.", "Астана", 2014, 5, 14)]
    [InlineData("Астана, 2014 жылғы 14 мамыр — Халықаралық көші-қон ұйымы дөңгелек үстел өткізеді.", "Астана", 2014, 5, 14)]
    [InlineData("ALMATY (22 May 2014) – The office opened.", "ALMATY", 2014, 5, 22)]
    public void Datelines_give_place_and_date(string text, string place, int year, int month, int day)
    {
        var dateline = DatelineParser.TryParse(text);
        Assert.NotNull(dateline);
        Assert.Equal(place, dateline.Place);
        Assert.Equal(new DateOnly(year, month, day), dateline.Date);
        Assert.StartsWith(place, dateline.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Migration and development are highly interdependent processes.")]
    [InlineData("Kazakhstan, a country of transit – and of destination.")]
    public void Ordinary_sentences_are_not_datelines(string text)
    {
        Assert.Null(DatelineParser.TryParse(text));
    }

    [Theory]
    [InlineData("###")]
    [InlineData("# # #")]
    [InlineData("-ENDS-")]
    [InlineData("- ENDS -")]
    [InlineData("–ENDS–")]
    [InlineData("-30-")]
    [InlineData("***")]
    [InlineData("— КОНЕЦ —")]
    public void End_marks_are_recognised(string text)
    {
        Assert.True(EndMarks.IsEndMark(text));
    }

    [Theory]
    [InlineData("30")]
    [InlineData("The end")]
    [InlineData("#1 priority")]
    public void Ordinary_short_text_is_not_an_end_mark(string text)
    {
        Assert.False(EndMarks.IsEndMark(text));
    }

    [Theory]
    [InlineData("About IOM", 0, "IOM")]
    [InlineData("About the International Organization for Migration", 0, "International Organization for Migration")]
    [InlineData("О МОМ", 0, "МОМ")]
    [InlineData("ХКҰ туралы", 0, "ХКҰ")]
    [InlineData("Media contacts", 1, null)]
    [InlineData("Media contact:", 1, null)]
    [InlineData("Контакты для СМИ", 1, null)]
    [InlineData("БАҚ үшін байланыс", 1, null)]
    [InlineData("Notes to editors", 2, null)]
    [InlineData("Примечания для редакторов", 2, null)]
    public void Section_headings_are_recognised_in_english_russian_and_kazakh(string text, int kind, string? organisation)
    {
        var heading = SectionHeadings.Recognise(text);
        Assert.NotNull(heading);
        Assert.Equal((SectionKind)kind, heading.Value.Kind);
        Assert.Equal(organisation, heading.Value.Organisation);
    }

    [Theory]
    [InlineData("About 300 migrants were assisted last year.")]
    [InlineData("О миграции в Центральной Азии говорили много и долго, но без результатов.")]
    public void Sentences_that_start_like_sections_are_not_headings(string text)
    {
        Assert.Null(SectionHeadings.Recognise(text));
    }
}
