namespace PressPipeline.Conversion.Anatomy;

/// <summary>
/// Words that name a time zone in a release line, mapped to IANA zone ids. The tz database then gives
/// the offset for the date in question (Kazakhstan's 2024 move to UTC+5 included): no fixed offsets here.
/// </summary>
internal static class TimeZoneWords
{
    /// <summary>City names first, then abbreviations (whole words only: "est" inside "estimated" is no zone).</summary>
    private static readonly (string Word, string Zone)[] Words =
    [
        ("new york", "America/New_York"), ("washington", "America/New_York"), ("london", "Europe/London"), ("geneva", "Europe/Zurich"),
        ("genève", "Europe/Zurich"), ("genf", "Europe/Zurich"), ("zurich", "Europe/Zurich"), ("bern", "Europe/Zurich"),
        ("brussels", "Europe/Brussels"), ("bruxelles", "Europe/Brussels"), ("paris", "Europe/Paris"), ("berlin", "Europe/Berlin"),
        ("vienna", "Europe/Vienna"), ("wien", "Europe/Vienna"), ("rome", "Europe/Rome"), ("madrid", "Europe/Madrid"),
        ("kyiv", "Europe/Kyiv"), ("kiev", "Europe/Kyiv"), ("moscow", "Europe/Moscow"), ("moscou", "Europe/Moscow"),
        ("moscú", "Europe/Moscow"), ("moskau", "Europe/Moscow"), ("astana", "Asia/Almaty"), ("nur-sultan", "Asia/Almaty"),
        ("almaty", "Asia/Almaty"), ("alma-ata", "Asia/Almaty"), ("bishkek", "Asia/Bishkek"), ("tashkent", "Asia/Tashkent"),
        ("dushanbe", "Asia/Dushanbe"), ("ashgabat", "Asia/Ashgabat"), ("tokyo", "Asia/Tokyo"), ("beijing", "Asia/Shanghai"),
        ("bangkok", "Asia/Bangkok"), ("nairobi", "Africa/Nairobi"), ("cairo", "Africa/Cairo"), ("dubai", "Asia/Dubai"),
        ("istanbul", "Europe/Istanbul"), ("warsaw", "Europe/Warsaw"), ("almt", "Asia/Almaty"), ("msk", "Europe/Moscow"),
        ("мск", "Europe/Moscow"), ("cet", "Europe/Brussels"), ("cest", "Europe/Brussels"), ("mez", "Europe/Berlin"),
        ("mesz", "Europe/Berlin"), ("gmt", "Europe/London"), ("bst", "Europe/London"), ("utc", "Etc/UTC"),
        ("est", "America/New_York"), ("edt", "America/New_York"), ("pst", "America/Los_Angeles"), ("pdt", "America/Los_Angeles"),
        ("eet", "Europe/Kyiv"), ("eest", "Europe/Kyiv"), ("jst", "Asia/Tokyo"),
    ];

    /// <summary>Stems for inflected Russian and Kazakh names ("Астаны", "по московскому времени", "Алматы уақытымен").</summary>
    private static readonly (string Stem, string Zone)[] Stems =
    [
        ("астан", "Asia/Almaty"), ("нур-султан", "Asia/Almaty"), ("нұр-сұлтан", "Asia/Almaty"), ("алмат", "Asia/Almaty"),
        ("алма-ат", "Asia/Almaty"), ("москв", "Europe/Moscow"), ("московск", "Europe/Moscow"), ("бишкек", "Asia/Bishkek"),
        ("ташкент", "Asia/Tashkent"), ("душанбе", "Asia/Dushanbe"), ("ашхабад", "Asia/Ashgabat"), ("женев", "Europe/Zurich"),
        ("брюссел", "Europe/Brussels"), ("лондон", "Europe/London"), ("нью-йорк", "America/New_York"), ("гринвич", "Europe/London"),
        ("киев", "Europe/Kyiv"), ("берлин", "Europe/Berlin"), ("париж", "Europe/Paris"),
    ];

    /// <summary>The IANA zone named in <paramref name="normalised"/> (lower-case text), if any.</summary>
    public static string? Find(string normalised)
    {
        // The zone written first wins: "11:30 Astana time (06:30 London)" is Astana time.
        var best = int.MaxValue;
        string? found = null;
        foreach (var (stem, zone) in Stems)
        {
            Consider(IndexAtWordStart(normalised, stem, wholeWord: false), zone);
        }

        foreach (var (word, zone) in Words)
        {
            Consider(IndexAtWordStart(normalised, word, wholeWord: true), zone);
        }

        return found;

        void Consider(int index, string zone)
        {
            if (index >= 0 && index < best)
            {
                (best, found) = (index, zone);
            }
        }
    }

    private static int IndexAtWordStart(string text, string word, bool wholeWord)
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
}
