using System.Globalization;
using PressPipeline.Conversion.Time;

namespace PressPipeline.Distribution.Composition;

/// <summary>
/// Writes an instant the way journalists read it: "22 May 2014, 11:30 Astana time (UTC+6)", "5 June 2027, 00:01 GMT".
/// The zone is named by the shared zone table (the one that read the embargo line), and a region's offset comes
/// from the tz database for that instant (Kazakhstan was UTC+6 until 1 March 2024 and UTC+5 since).
/// </summary>
public static class EmbargoLine
{
    public static string Subject(string headline, DateTimeOffset sendAt, DateTimeOffset publishAt, string timeZoneId) =>
        sendAt < publishAt ? $"EMBARGOED until {Format(publishAt, timeZoneId)}: {headline}" : headline;

    public static string Format(DateTimeOffset instant, string timeZoneId)
    {
        var zone = ZoneTable.Resolve(timeZoneId)
            ?? throw new ArgumentException($"'{timeZoneId}' is not a time zone of the zone table (write it like Asia/Almaty, GMT or UTC+5).", nameof(timeZoneId));
        var when = zone.ToLocal(instant).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        return $"{when} {zone.Describe(instant)}";
    }
}
