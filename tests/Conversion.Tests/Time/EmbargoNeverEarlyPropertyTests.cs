using System.Globalization;
using PressPipeline.Conversion.Anatomy;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Time;

namespace PressPipeline.Conversion.Tests.Time;

/// <summary>
/// Property: for generated embargo lines (zone word × local time × date, dense around summer-time changes and
/// Kazakhstan's 2024 change) the lift is never before the instant the line states: a minute before the lift the
/// named zone's clock has not yet reached the written time, and fixed abbreviations are exact. Seeded, so a
/// failure names a case that can be replayed.
/// </summary>
public sealed class EmbargoNeverEarlyPropertyTests
{
    private static readonly string[] RussianMonths =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <summary>How a line names the zone, and the zone id the table should give.</summary>
    private static readonly (Func<DateTime, string> Line, string ZoneId)[] Shapes =
    [
        (w => En(w, "GMT"), "GMT"), (w => En(w, "UTC"), "UTC"), (w => En(w, "CET"), "CET"), (w => En(w, "CEST"), "CEST"),
        (w => En(w, "EET"), "EET"), (w => En(w, "EEST"), "EEST"), (w => En(w, "MSK"), "MSK"), (w => En(w, "EST"), "EST"),
        (w => En(w, "EDT"), "EDT"), (w => En(w, "CDT"), "CDT"), (w => En(w, "MST"), "MST"), (w => En(w, "MDT"), "MDT"),
        (w => En(w, "PST"), "PST"), (w => En(w, "PDT"), "PDT"), (w => En(w, "UTC+5"), "UTC+5"),
        (w => En(w, "London time"), "Europe/London"), (w => En(w, "Brussels time"), "Europe/Brussels"),
        (w => En(w, "New York time"), "America/New_York"), (w => En(w, "Astana time"), "Asia/Almaty"),
        (w => En(w, "Almaty time"), "Asia/Almaty"), (w => En(w, "Moscow time"), "Europe/Moscow"),
        (w => En(w, "Geneva time"), "Europe/Zurich"),
        (w => $"Под эмбарго до {w.Day} {RussianMonths[w.Month - 1]} {w.Year} г., {w:HH:mm} по времени Астаны", "Asia/Almaty"),
        (w => $"Эмбарго до {w.Day} {RussianMonths[w.Month - 1]} {w.Year} г., {w:HH:mm} по московскому времени", "Europe/Moscow"),
    ];

    private static string En(DateTime written, string zone) =>
        string.Create(CultureInfo.InvariantCulture, $"EMBARGOED UNTIL {written:HH:mm} {zone}, {written:d MMMM yyyy}");

    [Fact]
    public void No_generated_embargo_lifts_before_the_time_its_line_states()
    {
        var random = new Random(20261206);
        var cases = 0;
        foreach (var (line, zoneId) in Shapes)
        {
            var zone = ZoneTable.Resolve(zoneId)!;
            foreach (var written in WrittenTimes(zone, random).Take(120))
            {
                var text = line(written);
                var embargo = Assert.IsType<ReleaseInstruction.Embargoed>(ReleaseLineParser.TryParse(text, (_, _) => { }));
                Assert.Equal(zoneId, embargo.TimeZoneId);

                var stated = FirstInstantReading(zone, written);
                var atLift = zone.ToLocal(embargo.LiftsAt).DateTime;
                Assert.True(embargo.LiftsAt >= stated, $"\"{text}\" lifts at {embargo.LiftsAt:o}, before {stated:o}, the first instant the clock there read {written:s}");

                // Not late either: on the written time, or the hour the clocks skip.
                Assert.True(atLift >= written && atLift <= written.AddHours(1), $"\"{text}\" lifts at {embargo.LiftsAt:o} ({atLift:s} there)");
                if (zone.Kind == ZoneKind.FixedOffset)
                {
                    Assert.Equal(new DateTimeOffset(written, zone.Rules.BaseUtcOffset).ToUniversalTime(), embargo.LiftsAt);
                }

                cases++;
            }
        }

        Assert.True(cases > 2000, $"{cases} cases");
    }

    /// <summary>
    /// The written instant, found by walking the clock rather than by the parser's arithmetic: the first instant at
    /// which the zone's wall clock reads the written time or later (for a time the clocks skip, the moment they jump).
    /// </summary>
    private static DateTimeOffset FirstInstantReading(NamedZone zone, DateTime written)
    {
        var t = new DateTimeOffset(DateTime.SpecifyKind(written, DateTimeKind.Utc)).AddHours(-15);
        while (zone.ToLocal(t.AddHours(1)).DateTime < written)
        {
            t = t.AddHours(1);
        }

        while (zone.ToLocal(t).DateTime < written)
        {
            t = t.AddMinutes(1);
        }

        return t;
    }

    /// <summary>Local times within three hours of each change of offset in 2014–2030, then random ones.</summary>
    private static IEnumerable<DateTime> WrittenTimes(NamedZone zone, Random random)
    {
        var changes = new List<DateTime>();
        for (var day = new DateTime(2014, 1, 1, 0, 0, 0, DateTimeKind.Utc); day.Year <= 2030; day = day.AddDays(1))
        {
            if (zone.Rules.GetUtcOffset(day) != zone.Rules.GetUtcOffset(day.AddDays(1)))
            {
                // Find the hour of the change, as local time just before it.
                var hour = day;
                while (zone.Rules.GetUtcOffset(hour) == zone.Rules.GetUtcOffset(day))
                {
                    hour = hour.AddHours(1);
                }

                changes.Add(TimeZoneInfo.ConvertTimeFromUtc(hour, zone.Rules));
            }
        }

        var order = changes.OrderBy(_ => random.Next()).ToList();
        foreach (var change in order)
        {
            yield return Minute(change.AddMinutes(random.Next(-180, 181)));
        }

        while (true)
        {
            yield return Minute(new DateTime(2014, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMinutes(random.NextInt64(0, 17L * 365 * 24 * 60)));
        }
    }

    private static DateTime Minute(DateTime time) => DateTime.SpecifyKind(new DateTime(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0), DateTimeKind.Unspecified);
}
