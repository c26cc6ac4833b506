using System.Globalization;
using PressPipeline.Conversion.Time;

namespace PressPipeline.StaffConsole;

/// <summary>
/// Times as staff read them: in the staff member's zone (the console's zone, the pipeline's default zone) and in
/// the release's own zone, each with the zone named ("2026-12-01 09:00 · Astana time (UTC+5)").
/// </summary>
public static class ConsoleTimes
{
    /// <summary>The zones the pickers offer: the press office's region first, then the places it sends to.</summary>
    public static readonly IReadOnlyList<string> PickerZones =
    [
        "Asia/Almaty", "Asia/Qostanay", "Asia/Aqtobe", "Asia/Aqtau", "Asia/Oral", "Asia/Qyzylorda", "Asia/Bishkek",
        "Asia/Tashkent", "Asia/Dushanbe", "Asia/Ashgabat", "Europe/Moscow", "Europe/Istanbul", "Europe/Kyiv",
        "Europe/Zurich", "Europe/Brussels", "Europe/Berlin", "Europe/London", "America/New_York", "UTC",
    ];

    public static string? In(DateTimeOffset? instant, string? zoneId)
    {
        if (instant is not { } at || ZoneTable.Resolve(zoneId) is not { } zone)
        {
            return instant?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        }

        return zone.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " · " + zone.Describe(at);
    }

    /// <summary>The picker's options at <paramref name="now"/>, <paramref name="selected"/> marked.</summary>
    public static List<Dictionary<string, object?>> Options(DateTimeOffset now, string? selected) =>
        [.. PickerZones.Select(id => ZoneTable.Resolve(id) is { } zone
            ? new Dictionary<string, object?>
            {
                ["id"] = id,
                ["name"] = zone.Describe(now) + (id == zone.Place ? "" : " — " + id),
                ["selected"] = string.Equals(id, selected, StringComparison.OrdinalIgnoreCase),
            }
            : null).OfType<Dictionary<string, object?>>()];
}
