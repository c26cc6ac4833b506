using PressPipeline.Conversion.Anatomy;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Tests.Anatomy;

public sealed class ReleaseLineTests
{
    private static ReleaseInstruction? Parse(string text, List<string>? warnings = null) =>
        ReleaseLineParser.TryParse(text, (code, _) => warnings?.Add(code));

    [Theory]
    [InlineData("FOR IMMEDIATE RELEASE")]
    [InlineData("For immediate release:")]
    [InlineData("Для немедленного распространения")]
    [InlineData("ДЛЯ НЕМЕДЛЕННОГО РАСПРОСТРАНЕНИЯ")]
    [InlineData("Дереу таратуға арналған")]
    [InlineData("Pour diffusion immédiate")]
    [InlineData("Para difusión inmediata")]
    [InlineData("Zur sofortigen Veröffentlichung")]
    public void Immediate_release_lines_are_recognised_in_every_language(string line)
    {
        var immediate = Assert.IsType<ReleaseInstruction.Immediate>(Parse(line));
        Assert.Equal(line, immediate.Text);
    }

    [Theory]
    [InlineData("EMBARGOED UNTIL 22 May 2014, 11:30 Astana time", "2014-05-22T05:30:00Z", "Asia/Almaty")]
    [InlineData("Embargoed until 10:00 CET 5 June 2024", "2024-06-05T09:00:00Z", "CET")]
    [InlineData("Embargoed until 10:00 CET 5 January 2024", "2024-01-05T09:00:00Z", "CET")]
    [InlineData("Embargoed until 10:00 CEST 5 June 2024", "2024-06-05T08:00:00Z", "CEST")]
    [InlineData("EMBARGOED UNTIL 00:01 GMT, Tuesday 5 March 2024", "2024-03-05T00:01:00Z", "GMT")]
    [InlineData("EMBARGOED UNTIL 00:01 GMT, 5 June 2027", "2027-06-05T00:01:00Z", "GMT")]
    [InlineData("EMBARGOED UNTIL 00:01 London time, 5 June 2027", "2027-06-04T23:01:00Z", "Europe/London")]
    [InlineData("Embargoed until May 22nd 2014, 9:30 a.m. EST", "2014-05-22T14:30:00Z", "EST")]
    [InlineData("Embargoed until 9:30 a.m. EDT, May 22nd 2014", "2014-05-22T13:30:00Z", "EDT")]
    [InlineData("Embargoed until 9:30 a.m. New York time, May 22nd 2014", "2014-05-22T13:30:00Z", "America/New_York")]
    [InlineData("Embargoed until 10:00 Brussels time, 5 June 2024", "2024-06-05T08:00:00Z", "Europe/Brussels")]
    [InlineData("Embargoed until 09:00 PST, 1 July 2027", "2027-07-01T17:00:00Z", "PST")]
    [InlineData("Embargoed until 09:00 MSK, 1 July 2027", "2027-07-01T06:00:00Z", "MSK")]
    [InlineData("Embargoed until 09:00 UTC+5, 1 July 2027", "2027-07-01T04:00:00Z", "UTC+5")]
    [InlineData("Embargoed until 09:00 (GMT+3), 1 July 2027", "2027-07-01T06:00:00Z", "UTC+3")]
    [InlineData("EMBARGOED UNTIL 00:01Z 5 June 2027", "2027-06-05T00:01:00Z", "UTC")]
    [InlineData("Embargoed until 10:00 CST (US Central), 5 June 2024", "2024-06-05T16:00:00Z", "CST")]
    [InlineData("EMBARGOED UNTIL 10:00 Astana time, 5 June 2027", "2027-06-05T05:00:00Z", "Asia/Almaty")]
    [InlineData("Эмбарго до 5 июня 2027 г., 10:00 по времени Астаны", "2027-06-05T05:00:00Z", "Asia/Almaty")]
    [InlineData("2027 жылғы 5 маусым, Астана уақыты 10:00-ге дейін эмбарго", "2027-06-05T05:00:00Z", "Asia/Almaty")]
    [InlineData("Sous embargo jusqu'au 22 mai 2014 : la levée est à 11h30, heure de Genève", "2014-05-22T09:30:00Z", "Europe/Zurich")]
    [InlineData("Под эмбарго до 22 мая 2014 г., 11:30 по времени Астаны", "2014-05-22T05:30:00Z", "Asia/Almaty")]
    [InlineData("Эмбарго до 12:00 (мск) 3 июня 2024 года", "2024-06-03T09:00:00Z", "MSK")]
    [InlineData("Эмбарго до 12:00 по московскому времени 3 июня 2024 года", "2024-06-03T09:00:00Z", "Europe/Moscow")]
    [InlineData("2014 жылғы 22 мамыр, Астана уақытымен 11:30-ға дейін эмбарго", "2014-05-22T05:30:00Z", "Asia/Almaty")]
    [InlineData("Sous embargo jusqu'au 22 mai 2014, 11h30 heure de Genève", "2014-05-22T09:30:00Z", "Europe/Zurich")]
    [InlineData("Embargado hasta el 22 de mayo de 2014, 11:30 hora de Madrid", "2014-05-22T09:30:00Z", "Europe/Madrid")]
    [InlineData("Sperrfrist: 22. Mai 2014, 11:30 Uhr MESZ", "2014-05-22T09:30:00Z", "MESZ")]
    public void Embargo_times_become_utc_instants_through_the_named_zone(string line, string utc, string zone)
    {
        var embargo = Assert.IsType<ReleaseInstruction.Embargoed>(Parse(line));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), embargo.LiftsAt);
        Assert.Equal(TimeSpan.Zero, embargo.LiftsAt.Offset);
        Assert.Equal(zone, embargo.TimeZoneId);
        Assert.Equal(line, embargo.Text);
    }

    [Fact]
    public void Kazakhstan_time_follows_the_2024_change_to_utc_plus_five()
    {
        var before = Assert.IsType<ReleaseInstruction.Embargoed>(Parse("EMBARGOED UNTIL 22 May 2023, 11:30 Astana time"));
        var after = Assert.IsType<ReleaseInstruction.Embargoed>(Parse("EMBARGOED UNTIL 22 May 2024, 11:30 Astana time"));
        Assert.Equal(5, before.LiftsAt.Hour);
        Assert.Equal(6, after.LiftsAt.Hour);
    }

    [Fact]
    public void Embargo_without_a_zone_is_kept_unparsed_with_a_warning()
    {
        var warnings = new List<string>();
        var unparsed = Assert.IsType<ReleaseInstruction.EmbargoedUnparsed>(Parse("EMBARGOED UNTIL 22 May 2014, 11:30", warnings));
        Assert.Equal("EMBARGOED UNTIL 22 May 2014, 11:30", unparsed.Text);
        Assert.Contains("embargo.unparsed", warnings);
    }

    [Theory]
    [InlineData("EMBARGOED UNTIL 09:00 IST, 5 June 2027", "\"IST\" could be India Standard Time (UTC+5:30)")]
    [InlineData("EMBARGOED UNTIL 09:00 BST, 5 June 2027", "\"BST\" could be British Summer Time (UTC+1) or Bangladesh")]
    [InlineData("EMBARGOED UNTIL 09:00 CST, 5 June 2027", "\"CST\" could be US Central Standard Time (UTC-6), China")]
    public void Ambiguous_zone_abbreviations_are_not_guessed(string line, string sentence)
    {
        var unparsed = Assert.IsType<ReleaseInstruction.EmbargoedUnparsed>(Parse(line));
        Assert.StartsWith(sentence, unparsed.Problem, StringComparison.Ordinal);
        Assert.Contains("write the place", unparsed.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EMBARGOED UNTIL 09:00 GMT, 22/05/2027", "2027-05-22T09:00:00Z")]
    [InlineData("EMBARGOED UNTIL 09:00 GMT, 05/22/2027", "2027-05-22T09:00:00Z")]
    [InlineData("EMBARGOED UNTIL 09:00 GMT, 06.05.2027", "2027-05-06T09:00:00Z")]
    [InlineData("EMBARGOED UNTIL 09:00 GMT, 05/05/2027", "2027-05-05T09:00:00Z")]
    [InlineData("EMBARGOED UNTIL 09:00 GMT, 2027-06-05", "2027-06-05T09:00:00Z")]
    public void Numeric_dates_with_one_reading_are_read(string line, string utc)
    {
        var embargo = Assert.IsType<ReleaseInstruction.Embargoed>(Parse(line));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), embargo.LiftsAt);
    }

    [Theory]
    [InlineData("EMBARGOED UNTIL 09:00 GMT, 06/05/2027", "the date 06/05/2027 could be 6 May 2027 or 5 June 2027, so it is not guessed; write the month as a word")]
    [InlineData("EMBARGOED UNTIL 09:00 GMT, 06-05-2027", "the date 06-05-2027 could be 6 May 2027 or 5 June 2027, so it is not guessed; write the month as a word")]
    [InlineData("EMBARGOED UNTIL 5 June 2027 GMT", "it gives no time of day; give the time")]
    [InlineData("Под эмбарго до 5 июня 2027 г. по времени Астаны", "it gives no time of day; give the time")]
    public void Dates_that_read_two_ways_or_have_no_time_are_held_not_guessed(string line, string problem)
    {
        var warnings = new List<string>();
        var unparsed = Assert.IsType<ReleaseInstruction.EmbargoedUnparsed>(Parse(line, warnings));
        Assert.Equal(problem, unparsed.Problem);
        Assert.Contains("embargo.unparsed", warnings);
    }

    [Fact]
    public void Embargo_without_a_date_is_kept_unparsed()
    {
        Assert.IsType<ReleaseInstruction.EmbargoedUnparsed>(Parse("Embargoed until further notice"));
    }

    [Theory]
    [InlineData("Astana, May 14, 2014 – On May 22nd 2014 the International Organization for Migration (IOM) organizes a roundtable.")]
    [InlineData("The embargo on trade was discussed at length by the ministers during the whole of the second session of the forum, which lasted well into the evening and ended without any agreement at all.")]
    public void Ordinary_paragraphs_are_not_release_lines(string text)
    {
        Assert.Null(Parse(text));
    }
}
