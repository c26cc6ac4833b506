using System.Globalization;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Conversion.Time;
using PressPipeline.Templates;

namespace PressPipeline.Distribution.Composition;

/// <summary>
/// Writes an instant the way journalists read it: "22 May 2014, 11:30 Astana time (UTC+6)", "5 June 2027, 00:01 GMT".
/// The zone is named by the shared zone table (the one that read the embargo line), and a region's offset comes
/// from the tz database for that instant (Kazakhstan was UTC+6 until 1 March 2024 and UTC+5 since).
/// </summary>
public static class EmbargoLine
{
    /// <summary>
    /// The subject: the headline, behind the embargo prefix in the release's language while the send is before the
    /// publish time ("EMBARGOED until …: ", "ЭМБАРГО до …: ", "ЭМБАРГО … дейін: "; labels "subject_embargoed").
    /// </summary>
    public static string Subject(string headline, DateTimeOffset sendAt, DateTimeOffset publishAt, string timeZoneId, string language = "en")
    {
        if (sendAt >= publishAt)
        {
            return headline;
        }

        var templates = TemplateLibrary.Embedded;
        var lang = string.IsNullOrWhiteSpace(language) ? "en" : language;
        var when = ReleaseLines.When(publishAt, Zone(timeZoneId), lang, templates);
        return ReleaseLines.Fill(templates.Labels(lang)["subject_embargoed"], when)
            .Replace("{headline}", headline, StringComparison.Ordinal);
    }

    /// <summary>The instant in English, for sentences to staff ("22 May 2014, 11:30 Astana time (UTC+6)").</summary>
    public static string Format(DateTimeOffset instant, string timeZoneId)
    {
        var zone = Zone(timeZoneId);
        var when = zone.ToLocal(instant).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        return $"{when} {zone.Describe(instant)}";
    }

    private static NamedZone Zone(string timeZoneId) => ZoneTable.Resolve(timeZoneId)
        ?? throw new ArgumentException($"'{timeZoneId}' is not a time zone of the zone table (write it like Asia/Almaty, GMT or UTC+5).", nameof(timeZoneId));
}
