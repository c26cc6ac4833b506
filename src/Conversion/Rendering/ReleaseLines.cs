using System.Globalization;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Time;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering;

/// <summary>
/// The release line as shown to journalists: the embargo instant written in its own zone, named the way the
/// zone table names it ("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6)", "… 00:01 GMT").
/// </summary>
public static class ReleaseLines
{
    /// <summary>The embargo line, or null when the release is not embargoed with a known instant.</summary>
    public static string? Embargo(ReleaseInstruction instruction, string language, TemplateLibrary templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        if (instruction is not ReleaseInstruction.Embargoed embargoed)
        {
            return instruction is ReleaseInstruction.EmbargoedUnparsed unparsed ? unparsed.Text : null;
        }

        var labels = templates.Labels(language);
        var culture = Culture(language);
        var zone = ZoneTable.Resolve(embargoed.TimeZoneId) ?? ZoneTable.Resolve("UTC")!;
        var local = zone.ToLocal(embargoed.LiftsAt);
        return labels["embargo_line"]
            .Replace("{date}", local.ToString(labels["date_format"], culture), StringComparison.Ordinal)
            .Replace("{time}", local.ToString(labels["time_format"], culture), StringComparison.Ordinal)
            .Replace("{zone}", ZonePhrase(zone, local.Offset, language, labels, templates), StringComparison.Ordinal);
    }

    /// <summary>"GMT", "CET (UTC+1)", "Astana time (UTC+5)" in the release's language, from the shared zone table.</summary>
    private static string ZonePhrase(NamedZone zone, TimeSpan offset, string language, IReadOnlyDictionary<string, string> labels, TemplateLibrary templates)
    {
        var utcOffset = ZoneTable.OffsetText(offset);
        if (zone.Kind == ZoneKind.FixedOffset)
        {
            var plain = offset == TimeSpan.Zero || zone.Place.StartsWith("UTC", StringComparison.Ordinal);
            return labels[plain ? "zone_fixed" : "zone_fixed_offset"]
                .Replace("{abbr}", zone.Place, StringComparison.Ordinal)
                .Replace("{utc_offset}", utcOffset, StringComparison.Ordinal);
        }

        return labels["zone_region"]
            .Replace("{place}", templates.ZonePlace(zone.Id, language) ?? zone.Place, StringComparison.Ordinal)
            .Replace("{utc_offset}", utcOffset, StringComparison.Ordinal);
    }

    /// <summary>The "for immediate release" line as the document wrote it, or null.</summary>
    public static string? Immediate(ReleaseInstruction instruction) =>
        instruction is ReleaseInstruction.Immediate immediate ? immediate.Text : null;

    /// <summary>True when the release carries an embargo (parsed or not).</summary>
    public static bool IsEmbargoed(ReleaseInstruction instruction) =>
        instruction is ReleaseInstruction.Embargoed or ReleaseInstruction.EmbargoedUnparsed;

    /// <summary>The culture for dates in the release's language; invariant when the tag is unknown.</summary>
    public static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(language) ? "en" : language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
