using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Time;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Tests.Time;

public sealed class ZoneTableTests
{
    private static readonly DateTimeOffset June = new(2027, 6, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset January = new(2027, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("GMT", 0)]
    [InlineData("UTC", 0)]
    [InlineData("CET", 1)]
    [InlineData("CEST", 2)]
    [InlineData("EET", 2)]
    [InlineData("EEST", 3)]
    [InlineData("MSK", 3)]
    [InlineData("EST", -5)]
    [InlineData("EDT", -4)]
    [InlineData("CDT", -5)]
    [InlineData("MST", -7)]
    [InlineData("MDT", -6)]
    [InlineData("PST", -8)]
    [InlineData("PDT", -7)]
    public void Abbreviations_name_the_same_offset_in_summer_and_winter(string word, int hours)
    {
        var zone = Assert.IsType<ZoneLookup.Found>(ZoneTable.Lookup(word)).Zone;

        Assert.Equal(ZoneKind.FixedOffset, zone.Kind);
        Assert.Equal(TimeSpan.FromHours(hours), zone.Rules.GetUtcOffset(June));
        Assert.Equal(TimeSpan.FromHours(hours), zone.Rules.GetUtcOffset(January));
    }

    [Theory]
    [InlineData("London time", "Europe/London", 1, 0)]
    [InlineData("Brussels time", "Europe/Brussels", 2, 1)]
    [InlineData("Astana time", "Asia/Almaty", 5, 5)]
    [InlineData("Almaty time", "Asia/Almaty", 5, 5)]
    [InlineData("Moscow time", "Europe/Moscow", 3, 3)]
    [InlineData("по времени Астаны", "Asia/Almaty", 5, 5)]
    [InlineData("Астана уақыты", "Asia/Almaty", 5, 5)]
    [InlineData("Astana", "Asia/Almaty", 5, 5)]
    [InlineData("Europe/Berlin", "Europe/Berlin", 2, 1)]
    public void Region_words_follow_the_zone_rules(string words, string id, int summerHours, int winterHours)
    {
        var zone = Assert.IsType<ZoneLookup.Found>(ZoneTable.Lookup(words)).Zone;

        Assert.Equal((id, ZoneKind.Region), (zone.Id, zone.Kind));
        Assert.Equal(TimeSpan.FromHours(summerHours), zone.Rules.GetUtcOffset(June));
        Assert.Equal(TimeSpan.FromHours(winterHours), zone.Rules.GetUtcOffset(January));
    }

    [Theory]
    [InlineData("IST")]
    [InlineData("BST")]
    [InlineData("CST")]
    [InlineData("ist")]
    public void Ambiguous_abbreviations_are_refused_with_the_readings(string word)
    {
        var ambiguous = Assert.IsType<ZoneLookup.Ambiguous>(ZoneTable.Lookup(word));

        Assert.Contains("could be", ambiguous.Sentence, StringComparison.Ordinal);
        Assert.Null(ZoneTable.Resolve(word));
    }

    [Fact]
    public void Stored_abbreviations_are_never_read_as_the_tz_database_zone_of_the_same_name()
    {
        // The tz database's own "CET" follows summer time (UTC+2 in June); the word CET means UTC+1.
        Assert.Equal(TimeSpan.FromHours(2), TimeZoneInfo.FindSystemTimeZoneById("CET").GetUtcOffset(June));
        Assert.Equal(TimeSpan.FromHours(1), ZoneTable.Resolve("CET")!.Rules.GetUtcOffset(June));
    }

    [Theory]
    [InlineData("GMT", "GMT")]
    [InlineData("UTC", "UTC")]
    [InlineData("CET", "CET (UTC+1)")]
    [InlineData("EST", "EST (UTC-5)")]
    [InlineData("UTC+5", "UTC+5")]
    [InlineData("Asia/Almaty", "Astana time (UTC+5)")]
    [InlineData("Europe/London", "London time (UTC+1)")]
    [InlineData("America/New_York", "New York time (UTC-4)")]
    [InlineData("Etc/UTC", "UTC")]
    public void Zones_are_shown_the_way_people_name_them(string id, string shown) =>
        Assert.Equal(shown, ZoneTable.Resolve(id)!.Describe(June));

    [Theory]
    [InlineData("en", "GMT", "EMBARGOED until 5 June 2027, 00:01 GMT")]
    [InlineData("en", "CET", "EMBARGOED until 5 June 2027, 01:01 CET (UTC+1)")]
    [InlineData("en", "Asia/Almaty", "EMBARGOED until 5 June 2027, 05:01 Astana time (UTC+5)")]
    [InlineData("ru", "Asia/Almaty", "ЭМБАРГО до 5 июня 2027 г., 05:01 по времени Астаны (UTC+5)")]
    [InlineData("kk", "GMT", "ЭМБАРГО 2027 жылғы 5 маусым, 00:01 (GMT) дейін")]
    public void The_embargo_line_of_every_variant_names_the_zone_from_the_table(string language, string zone, string expected)
    {
        var instruction = new ReleaseInstruction.Embargoed("…", new DateTimeOffset(2027, 6, 5, 0, 1, 0, TimeSpan.Zero), zone);

        Assert.Equal(expected, ReleaseLines.Embargo(instruction, language, TemplateLibrary.Embedded));
    }
}
