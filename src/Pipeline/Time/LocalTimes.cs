using System.Globalization;
using PressPipeline.Conversion.Time;

namespace PressPipeline.Pipeline.Time;

/// <summary>
/// Turns a local time as staff write it ("2026-12-01T09:00" in Asia/Almaty) into a UTC instant through the tz
/// database, never a fixed offset. A time that does not exist (clocks go forward) is refused; a time that occurs
/// twice (clocks go back) means the first occurrence.
/// </summary>
public static class LocalTimes
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <param name="label">"send time" or "publish time", for the sentence.</param>
    public static DateTimeOffset ToInstant(string text, NamedZone zone, string label)
    {
        var raw = text.Trim();
        if (!DateTime.TryParseExact(raw, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                && (raw.EndsWith('Z') || raw.Contains('+', StringComparison.Ordinal) || raw.LastIndexOf('-') > 9))
            {
                return withOffset.ToUniversalTime();
            }

            throw new ReleaseProblemException(
                ProblemKind.Invalid,
                $"{label} '{raw}' is not a date and time; write it like 2026-12-01T09:00.");
        }

        return ToInstant(local, zone, label);
    }

    public static DateTimeOffset ToInstant(DateTime local, NamedZone named, string label)
    {
        var zone = named.Rules;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            throw new ReleaseProblemException(
                ProblemKind.Invalid,
                $"{label} {Format(local)} does not exist in {named.Id} because the clocks go forward then; pick a time an hour later.");
        }

        // The larger offset is the first of the two occurrences when clocks go back.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The instant as local time in the zone, written the way staff typed it.</summary>
    public static string ToLocalText(DateTimeOffset instant, string zoneId) =>
        Format(TimeZones.FromId(zoneId).ToLocal(instant).DateTime);

    private static string Format(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
