using System.Globalization;
using System.Text.RegularExpressions;
using PressPipeline.Conversion.Time;

namespace PressPipeline.Conversion.Anatomy;

/// <summary>
/// Turns "22 May 2014, 11:30 Astana time" (or "10:00 CET 5 June 2024", "22 мая 2014 г., 11:30 по
/// времени Астаны") into a UTC instant through the named IANA zone.
/// </summary>
internal static partial class EmbargoTimeParser
{
    public sealed record Parsed(DateTimeOffset LiftsAt, string TimeZoneId);

    /// <summary>The instant, or null with what is missing or unclear ("the time zone is missing").</summary>
    public static (Parsed? Value, string? Problem) Parse(string text)
    {
        var found = DateFinder.FindWithSpan(text);
        if (found is not { } date)
        {
            return (null, "the date is missing or unclear");
        }

        if (date.OtherReading is { } other)
        {
            var written = text[date.Start..date.End];
            return (null, $"the date {written} could be {Long(date.Date)} or {Long(other)}, so it is not guessed; write the month as a word");
        }

        NamedZone zone;
        switch (ZoneTable.FindIn(text))
        {
            case ZoneLookup.Found f:
                zone = f.Zone;
                break;
            case ZoneLookup.Ambiguous a:
                return (null, a.Sentence);
            default:
                return (null, "the time zone is missing or unclear");
        }

        // Remove the date before looking for a time, so "22.05.2014" is not read as 22:05.
        var withoutDate = string.Concat(text.AsSpan(0, date.Start), new string(' ', date.End - date.Start), text.AsSpan(date.End));
        if (FindTime(withoutDate) is not { } time)
        {
            // Midnight at the start or the end of the day is a day apart: never assumed.
            return (null, "it gives no time of day; give the time");
        }

        var local = date.Date.ToDateTime(time);

        // A time the clocks skip is read as the moment they land on (02:30 → 03:30), never earlier.
        if (zone.Rules.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        // A time that occurs twice (clocks go back) means its first occurrence: the larger offset.
        var offset = zone.Rules.IsAmbiguousTime(local) ? zone.Rules.GetAmbiguousTimeOffsets(local).Max() : zone.Rules.GetUtcOffset(local);
        var instant = new DateTimeOffset(local, offset).ToUniversalTime();
        return (new Parsed(instant, zone.Id), null);
    }

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static TimeOnly? FindTime(string text)
    {
        var clock = Clock().Match(text);
        if (clock.Success)
        {
            var hour = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture);
            hour = TwelveHour(hour, clock.Groups["ampm"].Value);
            return hour is >= 0 and < 24 ? new TimeOnly(hour, minute) : null;
        }

        var hourOnly = HourOnly().Match(text);
        if (hourOnly.Success)
        {
            var hour = TwelveHour(int.Parse(hourOnly.Groups["h"].Value, CultureInfo.InvariantCulture), hourOnly.Groups["ampm"].Value);
            return hour is >= 0 and < 24 ? new TimeOnly(hour, 0) : null;
        }

        var lower = text.ToLowerInvariant();
        if (lower.Contains("noon", StringComparison.Ordinal) || lower.Contains("midday", StringComparison.Ordinal) || lower.Contains("полдень", StringComparison.Ordinal))
        {
            return new TimeOnly(12, 0);
        }

        return lower.Contains("midnight", StringComparison.Ordinal) || lower.Contains("полночь", StringComparison.Ordinal) ? new TimeOnly(0, 0) : null;
    }

    private static int TwelveHour(int hour, string marker)
    {
        if (marker.Length == 0)
        {
            return hour;
        }

        var pm = char.ToLowerInvariant(marker[0]) == 'p';
        return (pm, hour) switch
        {
            (true, < 12) => hour + 12,
            (false, 12) => 0,
            _ => hour,
        };
    }

    [GeneratedRegex(@"(?<![\d.:])(?<h>[01]?\d|2[0-3])\s?(?:[:.hH]|ч\.?\s?)\s?(?<m>[0-5]\d)(?![\d.]\d)\s*(?<ampm>[aApP]\.?\s?[mM]\.?)?")]
    private static partial Regex Clock();

    [GeneratedRegex(@"(?<![\d.:])(?<h>1[0-2]|0?[1-9])\s?(?<ampm>[aApP]\.?\s?[mM]\.?)(?![a-zA-Z])")]
    private static partial Regex HourOnly();
}
