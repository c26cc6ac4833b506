using System.Globalization;
using System.Text.RegularExpressions;

namespace PressPipeline.Conversion.Anatomy;

/// <summary>
/// Finds a calendar date written in English, Russian, Kazakh, French, Spanish or German ("22 May 2014",
/// "May 22nd 2014", "22 мая 2014 г.", "2014 жылғы 22 мамыр", "22. Mai 2014", "2014-05-22", "22.05.2014").
/// Works on word tokens, so word order and small words between the parts don't matter.
/// </summary>
internal static partial class DateFinder
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    public static DateOnly? Find(string text) => FindWithSpan(text)?.Date;

    /// <summary>
    /// The date and the character span it was found in. A numeric date with slashes or hyphens that reads both
    /// ways ("06/05/2027": 6 May or June 5) gives the day-first reading with the month-first one as
    /// <c>OtherReading</c>, for callers that must not guess; dots ("06.05.2027") are day-first by convention.
    /// </summary>
    public static (DateOnly Date, int Start, int End, DateOnly? OtherReading)? FindWithSpan(string text)
    {
        var numeric = NumericDate().Match(text);
        if (numeric.Success)
        {
            var iso = numeric.Groups["y1"].Success;
            var year = int.Parse(iso ? numeric.Groups["y1"].Value : numeric.Groups["y2"].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(iso ? numeric.Groups["m1"].Value : numeric.Groups["m2"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(iso ? numeric.Groups["d1"].Value : numeric.Groups["d2"].Value, CultureInfo.InvariantCulture);
            var dayFirst = Valid(year, month, day);
            var monthFirst = iso || numeric.Groups["sep"].Value == "." ? null : Valid(year, day, month);
            if ((dayFirst ?? monthFirst) is { } date)
            {
                var other = dayFirst is not null && monthFirst is { } m && m != date ? m : (DateOnly?)null;
                return (date, numeric.Index, numeric.Index + numeric.Length, other);
            }
        }

        var tokens = Tokenise(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].IsNumber || !Months.TryGetValue(tokens[i].Value, out var month))
            {
                continue;
            }

            var day = Day(tokens, i - 1, -1) ?? Day(tokens, i + 1, +1);
            var year = Year(tokens, i);
            if (day is { } d && year is { } y && Valid(y.Value, month, d.Value) is { } date)
            {
                var start = Math.Min(tokens[i].Start, Math.Min(d.Start, y.Start));
                var end = Math.Max(tokens[i].End, Math.Max(d.End, y.End));
                return (date, start, end, null);
            }
        }

        return null;
    }

    private static DateOnly? Valid(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static (int Value, int Start, int End)? Day(List<Token> tokens, int index, int step)
    {
        // Skip ordinal endings ("22nd", "22-го") and "de"/"del" between the parts.
        for (var hops = 0; hops < 3 && index >= 0 && index < tokens.Count; hops++, index += step)
        {
            var token = tokens[index];
            if (token.IsNumber)
            {
                return token.Value.Length <= 2 && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
                    ? (day, token.Start, token.End)
                    : null;
            }

            if (token.Value is not ("st" or "nd" or "rd" or "th" or "го" or "е" or "ое" or "de" or "del" or "le" or "the" or "of"))
            {
                return null;
            }
        }

        return null;
    }

    private static (int Value, int Start, int End)? Year(List<Token> tokens, int monthIndex)
    {
        for (var distance = 1; distance <= 4; distance++)
        {
            foreach (var index in (ReadOnlySpan<int>)[monthIndex + distance, monthIndex - distance])
            {
                if (index >= 0 && index < tokens.Count && tokens[index] is { IsNumber: true, Value.Length: 4 } token)
                {
                    return (int.Parse(token.Value, CultureInfo.InvariantCulture), token.Start, token.End);
                }
            }
        }

        return null;
    }

    private readonly record struct Token(string Value, bool IsNumber, int Start, int End);

    private static List<Token> Tokenise(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(text[start..i], true, start, i));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\u0301'))
                {
                    i++;
                }

                tokens.Add(new Token(text[start..i].ToLowerInvariant().Replace('ё', 'е'), false, start, i));
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["january", "jan", "января", "январь", "январе", "қаңтар", "қаңтардағы", "janvier", "enero", "januar", "jänner"],
            ["february", "feb", "февраля", "февраль", "феврале", "ақпан", "ақпандағы", "février", "fevrier", "febrero", "februar"],
            ["march", "mar", "марта", "март", "марте", "наурыз", "наурыздағы", "mars", "marzo", "märz", "maerz"],
            ["april", "apr", "апреля", "апрель", "апреле", "сәуір", "сәуірдегі", "avril", "abril"],
            ["may", "мая", "май", "мае", "мамыр", "мамырдағы", "mai", "mayo"],
            ["june", "jun", "июня", "июнь", "июне", "маусым", "маусымдағы", "juin", "junio", "juni"],
            ["july", "jul", "июля", "июль", "июле", "шілде", "шілдедегі", "juillet", "julio", "juli"],
            ["august", "aug", "августа", "август", "августе", "тамыз", "тамыздағы", "août", "aout", "agosto"],
            ["september", "sep", "sept", "сентября", "сентябрь", "сентябре", "қыркүйек", "қыркүйектегі", "septembre", "septiembre"],
            ["october", "oct", "октября", "октябрь", "октябре", "қазан", "қазандағы", "octobre", "octubre", "oktober"],
            ["november", "nov", "ноября", "ноябрь", "ноябре", "қараша", "қарашадағы", "novembre", "noviembre"],
            ["december", "dec", "декабря", "декабрь", "декабре", "желтоқсан", "желтоқсандағы", "décembre", "decembre", "diciembre", "dezember"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < names.Length; m++)
        {
            foreach (var name in names[m])
            {
                months[name] = m + 1;
            }
        }

        return months;
    }

    [GeneratedRegex(@"(?<![\d.])(?:(?<y1>\d{4})-(?<m1>\d{1,2})-(?<d1>\d{1,2})|(?<d2>\d{1,2})(?<sep>[./-])(?<m2>\d{1,2})\k<sep>(?<y2>\d{4}))(?![\d.]\d)")]
    private static partial Regex NumericDate();
}
