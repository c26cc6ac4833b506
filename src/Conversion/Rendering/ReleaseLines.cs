using System.Globalization;
using PressPipeline.Conversion.Model;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering;

/// <summary>
/// The release line as shown to journalists: the embargo instant written in its own zone with the
/// zone's offset at that instant, from the tz database ("EMBARGOED until 22 May 2014, 11:30 Astana time (UTC+6)").
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
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(embargoed.TimeZoneId, out var zone))
        {
            zone = TimeZoneInfo.Utc;
        }

        var local = TimeZoneInfo.ConvertTime(embargoed.LiftsAt, zone);
        var offset = local.Offset;
        var offsetText = offset == TimeSpan.Zero
            ? string.Empty
            : (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(offset.Minutes == 0 ? "%h" : @"h\:mm", CultureInfo.InvariantCulture);
        var place = zone == TimeZoneInfo.Utc && embargoed.TimeZoneId != "UTC" ? "UTC" : templates.ZonePlace(embargoed.TimeZoneId, language);
        return labels["embargo_line"]
            .Replace("{date}", local.ToString(labels["date_format"], culture), StringComparison.Ordinal)
            .Replace("{time}", local.ToString(labels["time_format"], culture), StringComparison.Ordinal)
            .Replace("{zone}", place, StringComparison.Ordinal)
            .Replace("{offset}", offsetText, StringComparison.Ordinal);
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
