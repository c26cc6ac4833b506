using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Anatomy;

/// <summary>
/// Recognises the release line ("FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL …", "Под эмбарго до …",
/// "Дереу таратуға арналған", "Sous embargo jusqu'au …", "Sperrfrist: …") and reads the embargo time.
/// </summary>
internal static class ReleaseLineParser
{
    private static readonly string[] ImmediatePhrases =
    [
        "for immediate release", "immediate release", "for release immediately", "for immediate publication",
        "для немедленного распространения", "для немедленной публикации", "к немедленному распространению",
        "для незамедлительного распространения", "к немедленной публикации",
        "дереу таратуға арналған", "дереу таратуға", "дереу тарату үшін", "жедел таратуға", "дереу жариялауға",
        "pour diffusion immédiate", "pour publication immédiate", "diffusion immédiate", "à diffuser immédiatement",
        "para difusión inmediata", "para publicación inmediata", "para su difusión inmediata", "difusión inmediata",
        "zur sofortigen veröffentlichung", "zur sofortigen freigabe", "zur sofortigen verbreitung",
    ];

    /// <summary>How an embargo line opens (Kazakh puts "… дейін эмбарго" last: see <see cref="EmbargoEndings"/>).</summary>
    private static readonly string[] EmbargoOpenings =
    [
        "embargoed", "embargo", "under embargo", "strictly embargoed", "strict embargo", "эмбарго", "под эмбарго",
        "не для публикации до", "не публиковать до", "sous embargo", "embargo jusqu", "embargado", "bajo embargo",
        "sperrfrist", "nicht vor", "эмбаргомен",
    ];

    private static readonly string[] EmbargoEndings = ["дейін эмбарго", "эмбарго", "дейін эмбаргомен"];

    /// <summary>The instruction a paragraph states, or null when it is not a release line.</summary>
    public static ReleaseInstruction? TryParse(string text, Action<string, string> warn)
    {
        if (text.Length is 0 or > 220)
        {
            return null;
        }

        var normalised = BlockText.Normalise(text).TrimEnd('.', ':', '!', ' ');
        foreach (var phrase in ImmediatePhrases)
        {
            if (normalised.StartsWith(phrase, StringComparison.Ordinal) && normalised.Length <= phrase.Length + 40)
            {
                return new ReleaseInstruction.Immediate(text);
            }
        }

        var isEmbargo = false;
        foreach (var opening in EmbargoOpenings)
        {
            isEmbargo |= normalised.StartsWith(opening, StringComparison.Ordinal);
        }

        foreach (var ending in EmbargoEndings)
        {
            isEmbargo |= normalised.EndsWith(ending, StringComparison.Ordinal);
        }

        // "Embargo on trade was lifted…" opens like a release line; a real one is short or names a date.
        if (!isEmbargo || (normalised.Length > 120 && DateFinder.Find(text) is null))
        {
            return null;
        }

        var (parsed, problem) = EmbargoTimeParser.Parse(text);
        if (parsed is null)
        {
            warn("embargo.unparsed", $"The embargo line \"{text}\" could not be read as a time ({problem}): write it like \"EMBARGOED UNTIL 22 May 2014, 11:30 Astana time\".");
            return new ReleaseInstruction.EmbargoedUnparsed(text, problem);
        }

        return new ReleaseInstruction.Embargoed(text, parsed.LiftsAt, parsed.TimeZoneId);
    }
}
