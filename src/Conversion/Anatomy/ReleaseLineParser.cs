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

    private static readonly string[] EmbargoWords = ["embargo", "эмбарго", "sperrfrist", "не для публикации до", "nicht vor"];

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
        foreach (var word in EmbargoWords)
        {
            var index = normalised.IndexOf(word, StringComparison.Ordinal);
            if (index >= 0 && (index < 40 || normalised.EndsWith(word, StringComparison.Ordinal)))
            {
                isEmbargo = true;
                break;
            }
        }

        if (!isEmbargo)
        {
            return null;
        }

        var (parsed, problem) = EmbargoTimeParser.Parse(text);
        if (parsed is null)
        {
            warn("embargo.unparsed", $"The embargo line \"{text}\" could not be read as a time ({problem} is missing or unclear): write it like \"EMBARGOED UNTIL 22 May 2014, 11:30 Astana time\".");
            return new ReleaseInstruction.EmbargoedUnparsed(text);
        }

        if (parsed.TimeAssumed)
        {
            warn("embargo.time-assumed", $"The embargo line \"{text}\" gives no time of day, so midnight ({parsed.TimeZoneId}) was assumed.");
        }

        return new ReleaseInstruction.Embargoed(text, parsed.LiftsAt, parsed.TimeZoneId);
    }
}
