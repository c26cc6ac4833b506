using System.Globalization;
using System.Text;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>The numbering of one paragraph: its list style, its label and its number.</summary>
internal sealed record ListMarker(int NumberingId, int Level, ListStyle Style, string Label, int Number);

/// <summary>
/// Counts list items the way Word does: instances of one abstract list share counters, a w:startOverride
/// restarts an instance the first time it is used, and a level restarts when a higher level advances.
/// </summary>
internal sealed class ListCounter(NumberingDefinitions definitions, Warnings warnings, string documentLanguage)
{
    private readonly Dictionary<int, int?[]> counters = [];
    private readonly HashSet<int> startedInstances = [];

    public ListMarker? Next(int numId, int ilvl)
    {
        if (numId == 0 || definitions.Instance(numId) is not { } instance)
        {
            return null;
        }

        ilvl = Math.Clamp(ilvl, 0, 8);
        if (definitions.Level(instance, ilvl) is not { } level)
        {
            return null;
        }

        if (!counters.TryGetValue(instance.AbstractId, out var values))
        {
            values = new int?[9];
            counters[instance.AbstractId] = values;
        }

        if (startedInstances.Add(numId))
        {
            foreach (var (overriddenLevel, (start, _)) in instance.Overrides)
            {
                if (start is int s && overriddenLevel is >= 0 and < 9)
                {
                    values[overriddenLevel] = s - 1;
                }
            }
        }

        values[ilvl] = (values[ilvl] ?? (level.Start - 1)) + 1;
        for (var deeper = ilvl + 1; deeper < 9; deeper++)
        {
            var deeperLevel = definitions.Level(instance, deeper);
            if (deeperLevel?.RestartAfter is 0)
            {
                continue;
            }

            values[deeper] = null;
        }

        var label = Label(instance, level, values);
        return new ListMarker(numId, ilvl, NumberingDefinitions.StyleOf(level), label, values[ilvl]!.Value);
    }

    private string Label(NumberInstance instance, ListLevel level, int?[] values)
    {
        if (level.Format == "bullet")
        {
            return Bullet(level.Text);
        }

        if (level.Format == "none")
        {
            return string.Empty;
        }

        var text = level.Text;
        var label = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var referenced = text[i + 1] - '1';
                var referencedLevel = definitions.Level(instance, referenced) ?? level;
                var value = values[referenced] ?? referencedLevel.Start;
                var format = level.Legal ? "decimal" : referencedLevel.Format;
                label.Append(Format(value, format, referencedLevel.Language ?? documentLanguage));
                i++;
            }
            else
            {
                label.Append(text[i]);
            }
        }

        return label.ToString();
    }

    /// <summary>Symbol-font bullets (private-use characters) become a plain bullet everyone can show.</summary>
    private static string Bullet(string text)
    {
        if (text.Length == 0)
        {
            return "•";
        }

        var c = text[0];
        return c switch
        {
            >= '\uE000' and <= '\uF8FF' => "•",
            'o' => "◦",
            '§' => "▪",
            '-' => "–",
            _ => text,
        };
    }

    private string Format(int value, string format, string language)
    {
        switch (format)
        {
            case "decimal":
                return value.ToString(CultureInfo.InvariantCulture);
            case "decimalZero":
                return value.ToString("00", CultureInfo.InvariantCulture);
            case "lowerLetter":
                return Letters(value).ToLowerInvariant();
            case "upperLetter":
                return Letters(value);
            case "lowerRoman":
                return Roman(value).ToLowerInvariant();
            case "upperRoman":
                return Roman(value);
            case "russianLower":
                return RussianLetter(value);
            case "russianUpper":
                return RussianLetter(value).ToUpperInvariant();
            case "ordinalText":
            case "cardinalText":
            case "ordinal":
                var words = NumberWords.TryFormat(value, format, language);
                if (words is not null)
                {
                    return words;
                }

                warnings.Add("list.number-format", $"List numbers written as words in language '{language}' are shown as digits.");
                return value.ToString(CultureInfo.InvariantCulture);
            default:
                warnings.Add("list.number-format", $"The list number format '{format}' is shown as digits.");
                return value.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Letters(int value)
    {
        if (value <= 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        // Word repeats the letter: A … Z, AA … ZZ, AAA …
        var letter = (char)('A' + ((value - 1) % 26));
        return new string(letter, ((value - 1) / 26) + 1);
    }

    private const string RussianAlphabet = "абвгдежзиклмнопрстуфхцчшщэюя";

    private static string RussianLetter(int value) =>
        value <= 0 ? value.ToString(CultureInfo.InvariantCulture)
            : new string(RussianAlphabet[(value - 1) % RussianAlphabet.Length], ((value - 1) / RussianAlphabet.Length) + 1);

    private static string Roman(int value)
    {
        if (value is <= 0 or >= 4000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<int> numbers = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var result = new StringBuilder();
        for (var i = 0; i < numbers.Length; i++)
        {
            while (value >= numbers[i])
            {
                result.Append(symbols[i]);
                value -= numbers[i];
            }
        }

        return result.ToString();
    }
}
