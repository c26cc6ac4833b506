using PressPipeline.Conversion.Time;

namespace PressPipeline.Pipeline.Time;

/// <summary>
/// Resolves the zone staff wrote their times in through the zone table the document reader uses too
/// (<see cref="ZoneTable"/>): IANA ids, places ("Astana", "London time") and fixed-offset abbreviations ("GMT",
/// "CET", "UTC+5"). An abbreviation that means different offsets in different places (IST, BST…) and anything
/// unknown get a sentence saying what to write instead.
/// </summary>
public static class TimeZones
{
    public static NamedZone Resolve(string zone) => ZoneTable.Lookup(zone) switch
    {
        ZoneLookup.Found found => found.Zone,
        ZoneLookup.Ambiguous ambiguous => throw new ReleaseProblemException(ProblemKind.Invalid, $"zone {ambiguous.Sentence}."),
        ZoneLookup.Unknown { Suggestion: { } suggestion } => throw Unknown(zone, $"use {suggestion}"),
        _ => throw Unknown(zone, "use a name such as Asia/Almaty, Europe/Berlin, \"Astana time\", GMT or UTC+5"),
    };

    /// <summary>A stored zone id (from a plan or release line) back to its zone.</summary>
    public static NamedZone FromId(string zoneId) =>
        ZoneTable.Resolve(zoneId) ?? throw new InvalidOperationException($"'{zoneId}' is not a zone of the zone table.");

    private static ReleaseProblemException Unknown(string zone, string hint) =>
        new(ProblemKind.Invalid, $"zone '{zone.Trim()}' is not a time zone we know; {hint}.");
}
