using System.Text.RegularExpressions;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Anatomy;

/// <summary>
/// The dateline that opens the story: "Astana, May 14, 2014 –", "GENEVA, 5 June 2024 -",
/// "Астана, 14 мая 2014 г. —", "ALMATY (22 May 2014) –". The place is what comes before the first comma
/// or bracket; the date must parse.
/// </summary>
internal static partial class DatelineParser
{
    public static Dateline? TryParse(string text)
    {
        var match = Opening().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var date = DateFinder.Find(match.Groups["date"].Value);
        if (date is null)
        {
            return null;
        }

        var place = match.Groups["place"].Value.Trim().TrimEnd(',');
        return new Dateline(match.Value.Trim(), place, date);
    }

    [GeneratedRegex(@"^\s*(?<place>\p{Lu}[\p{L}\p{M}.'’\- ]{1,40}?)\s*[,(]\s*(?<date>[^–—‒\n]{4,60}?)\s*\)?\s*(?:[–—‒]|--?)(?=\s|$)")]
    private static partial Regex Opening();
}
