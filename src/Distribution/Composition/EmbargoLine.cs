using System.Globalization;

namespace PressPipeline.Distribution.Composition;

/// <summary>
/// Writes an instant the way journalists read it: "22 May 2014, 11:30 Astana time (UTC+6)". The offset comes
/// from the tz database for that instant (Kazakhstan was UTC+6 until 1 March 2024 and UTC+5 since), never a
/// fixed table.
/// </summary>
public static class EmbargoLine
{
    // The city people name the time after, where it is not the zone's own exemplar city.
    private static readonly Dictionary<string, string> CityNames = new(StringComparer.Ordinal)
    {
        ["Asia/Almaty"] = "Astana",
        ["Asia/Qostanay"] = "Kostanay",
        ["Asia/Aqtobe"] = "Aktobe",
        ["Asia/Aqtau"] = "Aktau",
        ["Asia/Oral"] = "Uralsk",
        ["Asia/Qyzylorda"] = "Kyzylorda",
        ["Asia/Kolkata"] = "India",
        ["Etc/UTC"] = "UTC",
    };

    public static string Subject(string headline, DateTimeOffset sendAt, DateTimeOffset publishAt, string timeZoneId) =>
        sendAt < publishAt ? $"EMBARGOED until {Format(publishAt, timeZoneId)}: {headline}" : headline;

    public static string Format(DateTimeOffset instant, string timeZoneId)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            throw new ArgumentException($"'{timeZoneId}' is not a time zone of the tz database (write it like Asia/Almaty).", nameof(timeZoneId));
        }

        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var when = local.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        var city = CityOf(timeZoneId);
        return city == "UTC" ? $"{when} UTC" : $"{when} {city} time ({Offset(local.Offset)})";
    }

    private static string CityOf(string zoneId) =>
        CityNames.TryGetValue(zoneId, out var city) ? city : zoneId[(zoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');

    private static string Offset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? $"UTC{sign}{abs.Hours.ToString(CultureInfo.InvariantCulture)}"
            : $"UTC{sign}{abs.Hours.ToString(CultureInfo.InvariantCulture)}:{abs.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
    }
}
