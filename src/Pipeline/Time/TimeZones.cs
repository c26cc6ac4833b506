namespace PressPipeline.Pipeline.Time;

/// <summary>
/// Resolves the IANA zone staff wrote their times in. Only IANA ids are accepted (they are what journalists are
/// shown and what the tz database keeps current, e.g. Kazakhstan's move to UTC+5 in 2024); anything else gets a
/// sentence naming the zone to use instead.
/// </summary>
public static class TimeZones
{
    // Names people type that are not zone ids and whose zone the last segment of an id would not find.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Astana"] = "Asia/Almaty",
        ["Nur-Sultan"] = "Asia/Almaty",
        ["Kazakhstan"] = "Asia/Almaty",
        ["Bishkek"] = "Asia/Bishkek",
        ["Kyrgyzstan"] = "Asia/Bishkek",
        ["Washington"] = "America/New_York",
        ["Geneva"] = "Europe/Zurich",
        ["GMT"] = "Etc/UTC",
    };

    public static TimeZoneInfo Resolve(string zone)
    {
        var trimmed = zone.Trim();
        if (IsIanaId(trimmed) && TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var found))
        {
            return found;
        }

        var suggestion = Suggest(trimmed);
        var hint = suggestion is null ? "use a name such as Asia/Almaty or Europe/Berlin" : $"use {suggestion}";
        throw new ReleaseProblemException(ProblemKind.Invalid, $"zone '{trimmed}' is not an IANA time zone; {hint}.");
    }

    private static bool IsIanaId(string zone) =>
        zone.Contains('/', StringComparison.Ordinal) || zone is "UTC" || TimeZoneInfo.TryConvertIanaIdToWindowsId(zone, out _);

    private static string? Suggest(string zone)
    {
        if (Aliases.TryGetValue(zone, out var alias))
        {
            return alias;
        }

        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone, out var fromWindows))
        {
            return fromWindows;
        }

        var city = zone.Replace(' ', '_');
        return TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.Id)
            .Where(id => id.Contains('/', StringComparison.Ordinal))
            .FirstOrDefault(id => id[(id.LastIndexOf('/') + 1)..].Equals(city, StringComparison.OrdinalIgnoreCase));
    }
}
