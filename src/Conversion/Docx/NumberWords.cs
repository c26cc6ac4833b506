using System.Globalization;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// List numbers written as words (w:numFmt ordinalText / cardinalText / ordinal) in Russian and English,
/// 1–9999. Other languages return null so the caller can fall back to digits with a warning.
/// </summary>
internal static class NumberWords
{
    public static string? TryFormat(int value, string format, string language)
    {
        if (value is < 1 or > 9999)
        {
            return null;
        }

        var primary = language.Split('-')[0].ToLowerInvariant();
        return (primary, format) switch
        {
            ("ru", "ordinalText") => RussianOrdinal(value),
            ("ru", "cardinalText") => RussianCardinal(value),
            ("ru", "ordinal") => value.ToString(CultureInfo.InvariantCulture) + "-й",
            ("en", "ordinalText") => Capitalise(EnglishOrdinal(value)),
            ("en", "cardinalText") => Capitalise(EnglishCardinal(value)),
            ("en", "ordinal") => value.ToString(CultureInfo.InvariantCulture) + EnglishSuffix(value),
            _ => null,
        };
    }

    private static readonly string[] RuUnits = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
    private static readonly string[] RuTeens = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"];
    private static readonly string[] RuTens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];
    private static readonly string[] RuHundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];
    private static readonly string[] RuUnitsOrdinal = ["", "первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "восьмой", "девятый"];
    private static readonly string[] RuTeensOrdinal = ["десятый", "одиннадцатый", "двенадцатый", "тринадцатый", "четырнадцатый", "пятнадцатый", "шестнадцатый", "семнадцатый", "восемнадцатый", "девятнадцатый"];
    private static readonly string[] RuTensOrdinal = ["", "", "двадцатый", "тридцатый", "сороковой", "пятидесятый", "шестидесятый", "семидесятый", "восьмидесятый", "девяностый"];
    private static readonly string[] RuHundredsOrdinal = ["", "сотый", "двухсотый", "трехсотый", "четырехсотый", "пятисотый", "шестисотый", "семисотый", "восьмисотый", "девятисотый"];
    private static readonly string[] RuThousandsGenitive = ["", "", "двух", "трех", "четырех", "пяти", "шести", "семи", "восьми", "девяти"];
    private static readonly string[] RuThousands = ["", "одна тысяча", "две тысячи", "три тысячи", "четыре тысячи", "пять тысяч", "шесть тысяч", "семь тысяч", "восемь тысяч", "девять тысяч"];

    internal static string RussianOrdinal(int value)
    {
        var thousands = value / 1000;
        var rest = value % 1000;
        if (rest == 0)
        {
            return thousands == 1 ? "тысячный" : RuThousandsGenitive[thousands] + "тысячный";
        }

        var prefix = thousands > 0 ? RuThousands[thousands] + " " : string.Empty;
        var hundreds = rest / 100;
        var below = rest % 100;
        if (below == 0)
        {
            return prefix + RuHundredsOrdinal[hundreds];
        }

        var hundredWord = hundreds > 0 ? RuHundreds[hundreds] + " " : string.Empty;
        return prefix + hundredWord + RussianOrdinalBelowHundred(below);
    }

    private static string RussianOrdinalBelowHundred(int value)
    {
        if (value < 10)
        {
            return RuUnitsOrdinal[value];
        }

        if (value < 20)
        {
            return RuTeensOrdinal[value - 10];
        }

        var units = value % 10;
        return units == 0 ? RuTensOrdinal[value / 10] : RuTens[value / 10] + " " + RuUnitsOrdinal[units];
    }

    internal static string RussianCardinal(int value)
    {
        var parts = new List<string>(4);
        if (value / 1000 > 0)
        {
            parts.Add(RuThousands[value / 1000]);
        }

        var rest = value % 1000;
        if (rest / 100 > 0)
        {
            parts.Add(RuHundreds[rest / 100]);
        }

        var below = rest % 100;
        if (below >= 20)
        {
            parts.Add(RuTens[below / 10]);
            if (below % 10 > 0)
            {
                parts.Add(RuUnits[below % 10]);
            }
        }
        else if (below >= 10)
        {
            parts.Add(RuTeens[below - 10]);
        }
        else if (below > 0)
        {
            parts.Add(RuUnits[below]);
        }

        return string.Join(' ', parts);
    }

    private static readonly string[] EnSmall =
    [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] EnTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    internal static string EnglishCardinal(int value)
    {
        var parts = new List<string>(4);
        if (value / 1000 > 0)
        {
            parts.Add(EnSmall[value / 1000] + " thousand");
        }

        var rest = value % 1000;
        if (rest / 100 > 0)
        {
            parts.Add(EnSmall[rest / 100] + " hundred");
        }

        var below = rest % 100;
        if (below > 0)
        {
            parts.Add(below < 20 ? EnSmall[below] : EnTens[below / 10] + (below % 10 > 0 ? "-" + EnSmall[below % 10] : string.Empty));
        }

        return string.Join(' ', parts);
    }

    internal static string EnglishOrdinal(int value)
    {
        var cardinal = EnglishCardinal(value);
        string[] irregular = ["one:first", "two:second", "three:third", "five:fifth", "eight:eighth", "nine:ninth", "twelve:twelfth"];
        foreach (var pair in irregular)
        {
            var (plain, ordinal) = (pair[..pair.IndexOf(':')], pair[(pair.IndexOf(':') + 1)..]);
            if (cardinal.EndsWith(plain, StringComparison.Ordinal))
            {
                return cardinal[..^plain.Length] + ordinal;
            }
        }

        return cardinal.EndsWith('y') ? cardinal[..^1] + "ieth" : cardinal + "th";
    }

    private static string EnglishSuffix(int value) =>
        (value % 100) is 11 or 12 or 13 ? "th" : (value % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
