using System.Globalization;
using System.Text.RegularExpressions;

namespace PressPipeline.Conversion.Time;

/// <summary>How a zone word keeps time.</summary>
public enum ZoneKind
{
    /// <summary>An abbreviation or "UTC+5" that names one offset all year ("GMT" is +0 in July too).</summary>
    FixedOffset,

    /// <summary>A place ("London time", "Astana") or IANA id: the tz database's rules, summer time included.</summary>
    Region,
}

/// <summary>
/// A zone as people name it. <see cref="Id"/> is what plans and release lines store: the abbreviation ("GMT",
/// "CET"), an offset ("UTC+5") or an IANA id ("Asia/Almaty"). Resolve stored ids through
/// <see cref="ZoneTable.Resolve"/>, never <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>: the tz database's own
/// "CET" follows summer time, the word CET does not.
/// </summary>
public sealed record NamedZone(string Id, ZoneKind Kind, TimeZoneInfo Rules, string Place)
{
    /// <summary>The instant as local time in this zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Rules);

    /// <summary>
    /// The zone as journalists read it at <paramref name="instant"/>: "GMT", "CET (UTC+1)", "Astana time (UTC+5)".
    /// </summary>
    public string Describe(DateTimeOffset instant)
    {
        var offset = Rules.GetUtcOffset(instant);
        return Kind switch
        {
            ZoneKind.FixedOffset when offset == TimeSpan.Zero || Place.StartsWith("UTC", StringComparison.Ordinal) => Place,
            ZoneKind.FixedOffset => $"{Place} ({ZoneTable.OffsetText(offset)})",
            _ => $"{Place} time ({ZoneTable.OffsetText(offset)})",
        };
    }
}

/// <summary>What a zone word turned out to mean.</summary>
public abstract record ZoneLookup
{
    private ZoneLookup()
    {
    }

    public sealed record Found(NamedZone Zone) : ZoneLookup;

    /// <summary>A word that names different offsets in different places (IST, BST…): never guessed.</summary>
    /// <param name="Sentence">Says what the word could mean and what to write instead.</param>
    public sealed record Ambiguous(string Word, string Sentence) : ZoneLookup;

    /// <summary>Not a zone word; <paramref name="Suggestion"/> is an id that probably was meant.</summary>
    public sealed record Unknown(string Text, string? Suggestion) : ZoneLookup;
}

/// <summary>
/// The one table of zone words, shared by the document reader (embargo lines) and staff input (API, CLI,
/// sidecar, upload metadata) and used wherever a zone is shown. Abbreviations name a fixed offset all year
/// (GMT is UTC+0 even when London is on summer time; CET is UTC+1 even in June); places and IANA ids mean the
/// tz database zone with its rules (Kazakhstan's move to UTC+5 on 1 March 2024 included); abbreviations that
/// name different offsets in different places are refused with a sentence. docs/time-zones.md lists it.
/// </summary>
public static partial class ZoneTable
{
    /// <summary>Abbreviations that name one offset (hours east of UTC). Latin ones count in documents only in capitals.</summary>
    private static readonly (string Word, double Hours)[] Fixed =
    [
        ("GMT", 0), ("UTC", 0), ("Z", 0), ("WET", 0), ("WEST", 1), ("CET", 1), ("CEST", 2), ("MEZ", 1), ("MESZ", 2),
        ("EET", 2), ("EEST", 3), ("MSK", 3), ("МСК", 3), ("TRT", 3), ("EAT", 3), ("CAT", 2), ("WAT", 1), ("SAST", 2),
        ("GST", 4), ("PKT", 5), ("UZT", 5), ("ICT", 7), ("WIB", 7), ("HKT", 8), ("SGT", 8), ("AWST", 8), ("JST", 9), ("KST", 9),
        ("AEST", 10), ("AEDT", 11), ("NZST", 12), ("NZDT", 13),
        ("EST", -5), ("EDT", -4), ("CDT", -5), ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7), ("AKST", -9), ("AKDT", -8),
        ("HST", -10), ("BRT", -3), ("ART", -3),
    ];

    /// <summary>Abbreviations that mean different offsets in different places, with what each could be.</summary>
    private static readonly (string Word, string Readings)[] AmbiguousWords =
    [
        ("IST", "India Standard Time (UTC+5:30), Israel Standard Time (UTC+2) or Irish Standard Time (UTC+1)"),
        ("BST", "British Summer Time (UTC+1) or Bangladesh Standard Time (UTC+6)"),
        ("CST", "US Central Standard Time (UTC-6), China Standard Time (UTC+8) or Cuba Standard Time (UTC-5)"),
        ("AST", "Atlantic Standard Time (UTC-4) or Arabia Standard Time (UTC+3)"),
        ("ECT", "Ecuador Time (UTC-5) or Eastern Caribbean Time (UTC-4)"),
        ("AMT", "Armenia Time (UTC+4) or Amazon Time (UTC-4)"),
        ("ALMT", "Almaty Time, which was UTC+6 until March 2024 and is UTC+5 since"),
    ];

    /// <summary>"CST" reads as US Central (UTC-6) only when the line also says so.</summary>
    private static readonly string[] UsCentralHints = ["central standard time", "us central", "u.s. central", "chicago", "(us)", " us "];

    /// <summary>Places and their zones; a word ending in '*' is a stem for inflected Russian and Kazakh names.</summary>
    private static readonly (string Word, string Zone)[] Places =
    [
        ("new york", "America/New_York"), ("washington", "America/New_York"), ("eastern time", "America/New_York"),
        ("chicago", "America/Chicago"), ("central time", "America/Chicago"), ("los angeles", "America/Los_Angeles"),
        ("pacific time", "America/Los_Angeles"), ("london", "Europe/London"), ("uk time", "Europe/London"),
        ("geneva", "Europe/Zurich"), ("genève", "Europe/Zurich"), ("genf", "Europe/Zurich"), ("zurich", "Europe/Zurich"),
        ("bern", "Europe/Zurich"), ("brussels", "Europe/Brussels"), ("bruxelles", "Europe/Brussels"), ("paris", "Europe/Paris"),
        ("berlin", "Europe/Berlin"), ("vienna", "Europe/Vienna"), ("wien", "Europe/Vienna"), ("rome", "Europe/Rome"),
        ("madrid", "Europe/Madrid"), ("kyiv", "Europe/Kyiv"), ("kiev", "Europe/Kyiv"), ("moscow", "Europe/Moscow"),
        ("moscou", "Europe/Moscow"), ("moscú", "Europe/Moscow"), ("moskau", "Europe/Moscow"), ("astana", "Asia/Almaty"),
        ("nur-sultan", "Asia/Almaty"), ("almaty", "Asia/Almaty"), ("alma-ata", "Asia/Almaty"), ("kazakhstan", "Asia/Almaty"),
        ("bishkek", "Asia/Bishkek"), ("kyrgyzstan", "Asia/Bishkek"), ("tashkent", "Asia/Tashkent"), ("dushanbe", "Asia/Dushanbe"),
        ("ashgabat", "Asia/Ashgabat"), ("tokyo", "Asia/Tokyo"), ("beijing", "Asia/Shanghai"), ("bangkok", "Asia/Bangkok"),
        ("nairobi", "Africa/Nairobi"), ("cairo", "Africa/Cairo"), ("dubai", "Asia/Dubai"), ("istanbul", "Europe/Istanbul"),
        ("warsaw", "Europe/Warsaw"), ("delhi", "Asia/Kolkata"), ("mumbai", "Asia/Kolkata"),
        ("астан*", "Asia/Almaty"), ("нур-султан*", "Asia/Almaty"), ("нұр-сұлтан*", "Asia/Almaty"), ("алмат*", "Asia/Almaty"),
        ("алма-ат*", "Asia/Almaty"), ("казахстан*", "Asia/Almaty"), ("қазақстан*", "Asia/Almaty"), ("москв*", "Europe/Moscow"),
        ("московск*", "Europe/Moscow"), ("мәскеу*", "Europe/Moscow"), ("бишкек*", "Asia/Bishkek"), ("ташкент*", "Asia/Tashkent"),
        ("душанбе*", "Asia/Dushanbe"), ("ашхабад*", "Asia/Ashgabat"), ("женев*", "Europe/Zurich"), ("брюссел*", "Europe/Brussels"),
        ("лондон*", "Europe/London"), ("нью-йорк*", "America/New_York"), ("киев*", "Europe/Kyiv"), ("берлин*", "Europe/Berlin"),
        ("париж*", "Europe/Paris"),
    ];

    /// <summary>The place people name a region zone after, where it is not the IANA id's own city.</summary>
    private static readonly Dictionary<string, string> PlaceNames = new(StringComparer.Ordinal)
    {
        ["Asia/Almaty"] = "Astana",
        ["Asia/Qostanay"] = "Kostanay",
        ["Asia/Aqtobe"] = "Aktobe",
        ["Asia/Aqtau"] = "Aktau",
        ["Asia/Oral"] = "Uralsk",
        ["Asia/Qyzylorda"] = "Kyzylorda",
        ["Asia/Kolkata"] = "India",
        ["Europe/Zurich"] = "Geneva",
    };

    /// <summary>Every word of the table, for docs/time-zones.md and its test.</summary>
    public static IEnumerable<(string Word, string Meaning)> Entries =>
        Fixed.Select(f => (f.Word, $"fixed {OffsetText(TimeSpan.FromHours(f.Hours))}"))
            .Concat(AmbiguousWords.Select(a => (a.Word, "refused: " + a.Readings)))
            .Concat(Places.Select(p => (p.Word.TrimEnd('*'), p.Zone)));

    /// <summary>
    /// A stored id back to its zone: an abbreviation of the table, "UTC+5", or an IANA id. Null when unknown.
    /// </summary>
    public static NamedZone? Resolve(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var trimmed = id.Trim();
        if (FixedWord(trimmed, caseSensitive: false) is { } word)
        {
            return word;
        }

        if (OffsetZone(trimmed) is { } offset)
        {
            return offset;
        }

        if (AmbiguousWords.Any(a => a.Word.Equals(trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return trimmed.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var rules)
            ? RegionOrEtc(trimmed, rules)
            : null;
    }

    /// <summary>
    /// What staff typed as a zone ("Asia/Almaty", "GMT", "UTC+5", "Astana", "London time", "по времени Астаны").
    /// </summary>
    public static ZoneLookup Lookup(string text)
    {
        var trimmed = text.Trim();
        if (Resolve(trimmed) is { } zone)
        {
            return new ZoneLookup.Found(zone);
        }

        if (AmbiguousWords.FirstOrDefault(a => a.Word.Equals(trimmed, StringComparison.OrdinalIgnoreCase)) is { Word: not null } ambiguous)
        {
            return new ZoneLookup.Ambiguous(ambiguous.Word, AmbiguousSentence(ambiguous.Word, ambiguous.Readings));
        }

        // Whole words only: a place named on its own or with "time" around it.
        var found = FindIn(trimmed, requireCapitals: false);
        if (found is ZoneLookup.Found or ZoneLookup.Ambiguous)
        {
            return found;
        }

        return new ZoneLookup.Unknown(trimmed, Suggest(trimmed));
    }

    /// <summary>
    /// The zone named in a line of a document, the one written first winning ("11:30 Astana time (06:30 London)" is
    /// Astana time); null when the line names none. Latin abbreviations count only in capitals, so the French
    /// "est" or a word like "cat" never reads as a zone.
    /// </summary>
    public static ZoneLookup? FindIn(string text, bool requireCapitals = true)
    {
        var lower = LowerSameLength(text);
        var best = int.MaxValue;
        ZoneLookup? found = null;

        // First, so "GMT+3" is three hours east and not the GMT it starts with.
        var offset = OffsetInText().Match(text);
        if (offset.Success)
        {
            Consider(offset.Index, () => OffsetZone(offset.Value) is { } z ? new ZoneLookup.Found(z) : null);
        }

        foreach (var (word, zone) in Places)
        {
            var stem = word.EndsWith('*');
            var index = IndexOfWord(lower, stem ? word[..^1] : word, wholeWord: !stem);
            Consider(index, () => Resolve(zone) is { } z ? new ZoneLookup.Found(z) : null);
        }

        foreach (var (word, _) in Fixed)
        {
            var haystack = requireCapitals && IsLatin(word) ? text : lower;
            var needle = requireCapitals && IsLatin(word) ? word : word.ToLowerInvariant();
            var index = word == "Z" ? ZuluIndex(text) : IndexOfWord(haystack, needle, wholeWord: true);
            Consider(index, () => new ZoneLookup.Found(FixedWord(word, caseSensitive: true)!));
        }

        foreach (var (word, readings) in AmbiguousWords)
        {
            var index = IndexOfWord(requireCapitals ? text : lower, requireCapitals ? word : word.ToLowerInvariant(), wholeWord: true);
            Consider(index, () => word == "CST" && UsCentralHints.Any(h => (" " + lower + " ").Contains(h, StringComparison.Ordinal))
                ? new ZoneLookup.Found(FixedZone("CST", -6))
                : new ZoneLookup.Ambiguous(word, AmbiguousSentence(word, readings)));
        }

        return found;

        void Consider(int index, Func<ZoneLookup?> meaning)
        {
            if (index >= 0 && index < best && meaning() is { } m)
            {
                (best, found) = (index, m);
            }
        }
    }

    /// <summary>"UTC+5", "UTC-4", "UTC+5:30" (ASCII minus, so it reads the same in a subject line and a log).</summary>
    public static string OffsetText(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? $"UTC{sign}{abs.Hours.ToString(CultureInfo.InvariantCulture)}"
            : $"UTC{sign}{abs.Hours.ToString(CultureInfo.InvariantCulture)}:{abs.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The English place a region zone is named after ("Asia/Almaty" is "Astana").</summary>
    public static string PlaceOf(string ianaId) =>
        PlaceNames.TryGetValue(ianaId, out var place) ? place : ianaId[(ianaId.LastIndexOf('/') + 1)..].Replace('_', ' ');

    private static string AmbiguousSentence(string word, string readings) =>
        $"\"{word}\" could be {readings}, so it is not guessed; write the place (e.g. \"London time\") or the offset (e.g. \"UTC+1\")";

    private static NamedZone? FixedWord(string text, bool caseSensitive)
    {
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        foreach (var (word, hours) in Fixed)
        {
            if (word.Equals(text, comparison))
            {
                // One id per meaning, so plans compare: "Z" is stored as UTC, the Cyrillic "МСК" as MSK.
                return FixedZone(word switch { "Z" => "UTC", "МСК" => "MSK", _ => word }, hours);
            }
        }

        return null;
    }

    private static NamedZone FixedZone(string word, double hours)
    {
        var offset = TimeSpan.FromHours(hours);
        var id = word.ToUpperInvariant();
        return new NamedZone(id, ZoneKind.FixedOffset, TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id), id);
    }

    /// <summary>"UTC+5", "GMT-04:00", "UTC+5:30" as a fixed zone named "UTC+5" (ids are normalised so plans compare).</summary>
    private static NamedZone? OffsetZone(string text)
    {
        var match = OffsetForm().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes is not (0 or 15 or 30 or 45))
        {
            return null;
        }

        var offset = new TimeSpan(hours, minutes, 0);
        offset = match.Groups["sign"].Value is "-" or "−" ? -offset : offset;
        var id = OffsetText(offset);
        return new NamedZone(id, ZoneKind.FixedOffset, TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id), id);
    }

    /// <summary>IANA "Etc/…" and "UTC" zones have no place: they are fixed offsets and shown as such.</summary>
    private static NamedZone RegionOrEtc(string id, TimeZoneInfo rules)
    {
        if (id.StartsWith("Etc/", StringComparison.Ordinal) && rules.GetAdjustmentRules().Length == 0)
        {
            var offset = rules.BaseUtcOffset;
            var name = OffsetText(offset);
            return new NamedZone(id, ZoneKind.FixedOffset, rules, name);
        }

        return new NamedZone(id, ZoneKind.Region, rules, PlaceOf(id));
    }

    private static string? Suggest(string zone)
    {
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

    private static bool IsLatin(string word) => word.All(char.IsAsciiLetter);

    /// <summary>Lower case character by character, so indexes match the original text.</summary>
    private static string LowerSameLength(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = char.ToLowerInvariant(source[i]);
                span[i] = c switch
                {
                    'ё' => 'е',
                    '–' or '—' or '‒' or '‑' => '-',
                    _ => c,
                };
            }
        });

    private static int ZuluIndex(string text)
    {
        var match = Zulu().Match(text);
        return match.Success ? match.Groups["z"].Index : -1;
    }

    private static int IndexOfWord(string text, string word, bool wholeWord)
    {
        var from = 0;
        while (from < text.Length)
        {
            var index = text.IndexOf(word, from, StringComparison.Ordinal);
            if (index < 0)
            {
                return -1;
            }

            var startOk = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + word.Length;
            var endOk = !wholeWord || end == text.Length || !char.IsLetter(text[end]);
            if (startOk && endOk)
            {
                return index;
            }

            from = index + 1;
        }

        return -1;
    }

    [GeneratedRegex(@"^(?:UTC|GMT)\s*(?<sign>[+\-−])\s*(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetForm();

    [GeneratedRegex(@"(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetInText();

    /// <summary>"00:01Z", "0001Z": Z counts only right after a time.</summary>
    [GeneratedRegex(@"\d{2}:?\d{2}\s?(?<z>Z)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Zulu();
}
