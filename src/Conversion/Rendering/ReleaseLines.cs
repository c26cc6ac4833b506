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
    /// <summary>The embargo line ("EMBARGOED until …", "ЭМБАРГО до …", "ЭМБАРГО … дейін"), or null when the release is not embargoed with a known instant.</summary>
    public static string? Embargo(ReleaseInstruction instruction, string language, TemplateLibrary templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        if (instruction is not ReleaseInstruction.Embargoed embargoed)
        {
            return instruction is ReleaseInstruction.EmbargoedUnparsed unparsed ? unparsed.Text : null;
        }

        var zone = ZoneTable.Resolve(embargoed.TimeZoneId) ?? ZoneTable.Resolve("UTC")!;
        return Fill(templates.Labels(language)["embargo_line"], When(embargoed.LiftsAt, zone, language, templates));
    }

    /// <summary>
    /// An instant as the release's language writes it, in its zone: "22 May 2014, 11:30 Astana time (UTC+6)",
    /// "22 мая 2014 г., 11:30 по времени Астаны (UTC+6)", "2014 жылғы 22 мамыр, 11:30 (Астана уақытымен, UTC+6)".
    /// The labels' "embargo_when" orders the parts; the zone keeps its tz-database offset for that instant.
    /// </summary>
    public static string When(DateTimeOffset instant, NamedZone zone, string language, TemplateLibrary templates)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(templates);
        var labels = templates.Labels(language);
        // Month names in the language the words are in: a language without labels reads English, "May" not "mai".
        var culture = templates.LabelLanguages.Contains(language.Split('-')[0].ToLowerInvariant()) ? Culture(language) : Culture("en");
        var local = zone.ToLocal(instant);
        return labels["embargo_when"]
            .Replace("{date}", local.ToString(labels["date_format"], culture), StringComparison.Ordinal)
            .Replace("{time}", local.ToString(labels["time_format"], culture), StringComparison.Ordinal)
            .Replace("{zone}", ZonePhrase(zone, local.Offset, language, labels, templates), StringComparison.Ordinal);
    }

    /// <summary>A label with its "{when}" filled in.</summary>
    public static string Fill(string label, string when) => label.Replace("{when}", when, StringComparison.Ordinal);

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
