using System.Globalization;
using DocumentFormat.OpenXml;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Reads WordprocessingML attribute values from their raw text, as Word does, instead of through the Open XML
/// SDK's typed getters (<c>.Val.Value</c>), which throw on spellings the schema allows but the SDK's enum does not
/// list (<c>w:tblHeader w:val="true"</c>, written by LibreOffice, pandoc and docx.js) and on values nobody
/// expected. Every helper accepts each spelling Word accepts; anything else falls back to the schema default and
/// leaves one warning, never an exception: one odd attribute is no reason to refuse a press release.
/// </summary>
internal static class Attr
{
    public const string UnrecognisedCode = "format.unrecognised";

    private const string UnrecognisedMessage =
        "Some formatting was written in a way this converter does not recognise and was read as Word's default: check the headings, lists and tables look right.";

    private const double TwipsPerPoint = 20;

    /// <summary>
    /// An on/off property (w:b, w:bidi, w:tblHeader…): the element present with no w:val is on; true, on and 1
    /// are on; false, off, 0 (and none, which some writers use) are off. Anything else is read as on, the
    /// default of a property that is present.
    /// </summary>
    public static bool OnOff(OpenXmlSimpleType? value, Warnings? warnings)
    {
        var raw = Raw(value);
        if (raw is null)
        {
            return true;
        }

        switch (raw.ToLowerInvariant())
        {
            case "true" or "on" or "1":
                return true;
            case "false" or "off" or "0" or "none":
                return false;
            default:
                Unrecognised(warnings);
                return true;
        }
    }

    /// <summary>A whole number (ST_DecimalNumber); null when absent or unreadable. "2.0" and " 2 " read as 2.</summary>
    public static int? Int(OpenXmlSimpleType? value, Warnings? warnings) =>
        Long(value, warnings) is { } number && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;

    /// <summary>A whole number that may exceed 32 bits (note ids, EMU sizes); null when absent or unreadable.</summary>
    public static long? Long(OpenXmlSimpleType? value, Warnings? warnings)
    {
        var raw = Raw(value);
        if (raw is null)
        {
            return null;
        }

        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            && Math.Abs(real) < long.MaxValue)
        {
            return (long)Math.Round(real);
        }

        Unrecognised(warnings);
        return null;
    }

    /// <summary>
    /// A length in twips (ST_TwipsMeasure: a number of twentieths of a point, or a universal measure such as
    /// "2.5cm", "1in", "72pt"), in points; null when absent or unreadable.
    /// </summary>
    public static double? TwipsAsPoints(OpenXmlSimpleType? value, Warnings? warnings) =>
        Measure(value, TwipsPerPoint, warnings);

    /// <summary>A font size (ST_HpsMeasure: half-points, or a universal measure such as "11pt"), in half-points.</summary>
    public static int? HalfPoints(OpenXmlSimpleType? value, Warnings? warnings) =>
        Measure(value, 2, warnings) is { } points ? (int)Math.Round(points * 2) : null;

    /// <summary>The raw text of an enumerated value, trimmed, or null when absent or empty; compare it ignoring case.</summary>
    public static string? Token(OpenXmlSimpleType? value) => Raw(value);

    /// <summary>True when an enumerated value is spelled as any of <paramref name="spellings"/> (ignoring case).</summary>
    public static bool Is(string? token, params string[] spellings)
    {
        if (token is null)
        {
            return false;
        }

        foreach (var spelling in spellings)
        {
            if (string.Equals(token, spelling, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Paragraph justification (w:jc): the transitional and Strict spellings alike. left/right are the physical
    /// sides Word's transitional files name, start/end the logical ones of Strict; the kashida and distribute
    /// variants are justified text. Null when absent or unknown (unknown also warns).
    /// </summary>
    public static Justify? Justification(OpenXmlSimpleType? value, Warnings? warnings)
    {
        var raw = Raw(value);
        if (raw is null)
        {
            return null;
        }

        switch (raw.ToLowerInvariant())
        {
            case "left":
                return Justify.Left;
            case "right":
                return Justify.Right;
            case "start":
                return Justify.Start;
            case "end":
                return Justify.End;
            case "center" or "centre":
                return Justify.Center;
            case "both" or "distribute" or "thaidistribute" or "lowkashida" or "mediumkashida" or "highkashida" or "justify":
                return Justify.Both;
            case "numtab":
                return Justify.Start;
            default:
                Unrecognised(warnings);
                return null;
        }
    }

    /// <summary>The one warning every unreadable value leaves (once per document).</summary>
    public static void Unrecognised(Warnings? warnings) => warnings?.Add(UnrecognisedCode, UnrecognisedMessage);

    private static string? Raw(OpenXmlSimpleType? value)
    {
        var text = value?.InnerText;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A plain number in <paramref name="unitsPerPoint"/>ths of a point, or a universal measure; in points.</summary>
    private static double? Measure(OpenXmlSimpleType? value, double unitsPerPoint, Warnings? warnings)
    {
        var raw = Raw(value);
        if (raw is null)
        {
            return null;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return double.IsFinite(plain) ? plain / unitsPerPoint : Fail();
        }

        var pointsPerUnit = raw.Length > 2 ? raw[^2..].ToLowerInvariant() switch
        {
            "pt" => 1.0,
            "in" => 72.0,
            "cm" => 72 / 2.54,
            "mm" => 72 / 25.4,
            "pc" or "pi" => 12.0,
            _ => 0,
        }
        : 0;
        if (pointsPerUnit > 0 && double.TryParse(raw[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return number * pointsPerUnit;
        }

        return Fail();

        double? Fail()
        {
            Unrecognised(warnings);
            return null;
        }
    }
}

/// <summary>Paragraph justification as written (w:jc), whatever its spelling.</summary>
internal enum Justify
{
    Left,
    Right,
    Start,
    End,
    Center,
    Both,
}
