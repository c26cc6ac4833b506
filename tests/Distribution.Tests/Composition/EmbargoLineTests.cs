using PressPipeline.Distribution.Composition;

namespace PressPipeline.Distribution.Tests.Composition;

public class EmbargoLineTests
{
    [Fact]
    public void A_release_sent_before_its_publish_time_says_EMBARGOED_with_the_time_and_its_zone()
    {
        // 06:30 UTC is 11:30 in Astana since Kazakhstan moved to a single UTC+5 zone on 1 March 2024.
        var subject = EmbargoLine.Subject(
            "IOM Hosts Round Table",
            new DateTimeOffset(2026, 5, 21, 4, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 5, 22, 6, 30, 0, TimeSpan.Zero),
            "Asia/Almaty");

        Assert.Equal("EMBARGOED until 22 May 2026, 11:30 Astana time (UTC+5): IOM Hosts Round Table", subject);
    }

    [Theory]
    [InlineData("en", "EMBARGOED until 22 May 2026, 11:30 Astana time (UTC+5): H")]
    [InlineData("ru", "ЭМБАРГО до 22 мая 2026 г., 11:30 по времени Астаны (UTC+5): H")]
    [InlineData("ru-RU", "ЭМБАРГО до 22 мая 2026 г., 11:30 по времени Астаны (UTC+5): H")]
    [InlineData("kk", "ЭМБАРГО 2026 жылғы 22 мамыр, 11:30 (Астана уақытымен, UTC+5) дейін: H")]
    [InlineData("fr", "EMBARGOED until 22 May 2026, 11:30 Astana time (UTC+5): H")]
    public void The_subject_prefix_is_in_the_releases_language_with_its_own_word_order(string language, string expected) =>
        Assert.Equal(expected, EmbargoLine.Subject("H", new DateTimeOffset(2026, 5, 21, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 22, 6, 30, 0, TimeSpan.Zero), "Asia/Almaty", language));

    [Fact]
    public void The_offset_comes_from_the_tz_database_for_that_instant_not_a_fixed_table()
    {
        // In May 2014 Astana was UTC+6: 05:30 UTC was 11:30 there.
        var line = EmbargoLine.Format(new DateTimeOffset(2014, 5, 22, 5, 30, 0, TimeSpan.Zero), "Asia/Almaty");

        Assert.Equal("22 May 2014, 11:30 Astana time (UTC+6)", line);
    }

    [Theory]
    [InlineData("Europe/Moscow", "22 May 2026, 09:30 Moscow time (UTC+3)")]
    [InlineData("Asia/Kolkata", "22 May 2026, 12:00 India time (UTC+5:30)")]
    [InlineData("America/New_York", "22 May 2026, 02:30 New York time (UTC-4)")]
    [InlineData("Etc/UTC", "22 May 2026, 06:30 UTC")]
    [InlineData("GMT", "22 May 2026, 06:30 GMT")]
    [InlineData("CET", "22 May 2026, 07:30 CET (UTC+1)")]
    [InlineData("EST", "22 May 2026, 01:30 EST (UTC-5)")]
    public void Other_zones_are_named_after_their_city_with_the_offset_of_the_day(string zone, string expected) =>
        Assert.Equal(expected, EmbargoLine.Format(new DateTimeOffset(2026, 5, 22, 6, 30, 0, TimeSpan.Zero), zone));

    [Fact]
    public void A_release_for_immediate_release_has_the_plain_headline()
    {
        var now = new DateTimeOffset(2026, 5, 22, 6, 30, 0, TimeSpan.Zero);

        Assert.Equal("Headline", EmbargoLine.Subject("Headline", now, now, "Asia/Almaty"));
    }

    [Fact]
    public void An_unknown_zone_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => EmbargoLine.Format(DateTimeOffset.UnixEpoch, "Astana"));

        Assert.Contains("Asia/Almaty", error.Message, StringComparison.Ordinal);
    }
}
