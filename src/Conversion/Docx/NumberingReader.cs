using DocumentFormat.OpenXml.Wordprocessing;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>One level of a list definition (w:lvl).</summary>
internal sealed record ListLevel(string Format, int Start, string Text, int? RestartAfter, bool Legal, string? Language);

/// <summary>
/// word/numbering.xml: abstract definitions and the w:num instances that point at them, with their
/// level overrides. Counting is done by <see cref="ListCounter"/>.
/// </summary>
internal sealed class NumberingDefinitions
{
    private readonly Dictionary<int, ListLevel[]> abstractLevels = [];
    private readonly Dictionary<int, NumberInstance> instances = [];

    private readonly Warnings warnings;

    private NumberingDefinitions(Numbering? numbering, Warnings warnings)
    {
        this.warnings = warnings;
        if (numbering is null)
        {
            return;
        }

        foreach (var abstractNum in numbering.Elements<AbstractNum>())
        {
            if (Attr.Int(abstractNum.AbstractNumberId, warnings) is int id)
            {
                abstractLevels.TryAdd(id, ReadLevels(abstractNum.Elements<Level>()));
            }
        }

        foreach (var num in numbering.Elements<NumberingInstance>())
        {
            if (Attr.Int(num.NumberID, warnings) is not int numId || Attr.Int(num.AbstractNumId?.Val, warnings) is not int abstractId)
            {
                continue;
            }

            var overrides = new Dictionary<int, (int? Start, ListLevel? Level)>();
            foreach (var levelOverride in num.Elements<LevelOverride>())
            {
                var ilvl = Attr.Int(levelOverride.LevelIndex, warnings) ?? 0;
                var start = Attr.Int(levelOverride.StartOverrideNumberingValue?.Val, warnings);
                var replacement = levelOverride.Level is { } lvl ? ReadLevel(lvl) : null;
                overrides[ilvl] = (start, replacement);
            }

            instances.TryAdd(numId, new NumberInstance(abstractId, overrides));
        }
    }

    public static NumberingDefinitions Read(Numbering? numbering, Warnings warnings) => new(numbering, warnings);

    /// <summary>No numbering part (or one that could not be read): every list paragraph is a plain paragraph.</summary>
    public static NumberingDefinitions Empty(Warnings warnings) => new(null, warnings);

    /// <summary>The instance behind a w:numId, if it names a real list.</summary>
    public NumberInstance? Instance(int numId) => instances.GetValueOrDefault(numId);

    /// <summary>The effective level definition for a list instance (override first, then abstract).</summary>
    public ListLevel? Level(NumberInstance instance, int ilvl)
    {
        if (instance.Overrides.TryGetValue(ilvl, out var o) && o.Level is not null)
        {
            return o.Level;
        }

        return abstractLevels.TryGetValue(instance.AbstractId, out var levels) && ilvl >= 0 && ilvl < levels.Length
            ? levels[ilvl]
            : null;
    }

    private ListLevel[] ReadLevels(IEnumerable<Level> levels)
    {
        var result = new ListLevel[9];
        foreach (var level in levels)
        {
            var index = Attr.Int(level.LevelIndex, warnings) ?? 0;
            if (index is >= 0 and < 9)
            {
                result[index] = ReadLevel(level);
            }
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] ??= new ListLevel("decimal", 1, $"%{i + 1}.", null, false, null);
        }

        return result;
    }

    private ListLevel ReadLevel(Level level) =>
        new(
            Attr.Token(level.NumberingFormat?.Val) ?? "decimal",
            Attr.Int(level.StartNumberingValue?.Val, warnings) ?? 1,
            level.LevelText?.Val?.InnerText ?? string.Empty,
            Attr.Int(level.LevelRestart?.Val, warnings),
            level.IsLegalNumberingStyle is { } legal && Attr.OnOff(legal.Val, warnings),
            Attr.Token(level.NumberingSymbolRunProperties?.GetFirstChild<Languages>()?.Val));

    /// <summary>Maps a w:numFmt value to the model's list style.</summary>
    public static ListStyle StyleOf(ListLevel level)
    {
        if (level.Format == "bullet")
        {
            return ListStyle.Bullet;
        }

        // "%1.%2." and other multi-level labels can't be drawn by HTML counters: renderers use the label.
        if (level.Text.Count(c => c == '%') > 1)
        {
            return ListStyle.Custom;
        }

        return level.Format switch
        {
            "decimal" or "decimalZero" => ListStyle.Decimal,
            "lowerLetter" => ListStyle.LowerLetter,
            "upperLetter" => ListStyle.UpperLetter,
            "lowerRoman" => ListStyle.LowerRoman,
            "upperRoman" => ListStyle.UpperRoman,
            _ => ListStyle.Custom,
        };
    }
}

/// <summary>A w:num: which abstract list it counts with, and its per-level overrides.</summary>
internal sealed record NumberInstance(int AbstractId, IReadOnlyDictionary<int, (int? Start, ListLevel? Level)> Overrides);
