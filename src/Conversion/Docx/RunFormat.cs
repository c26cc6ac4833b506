using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Character formatting as written at one level (document defaults, paragraph style, character style,
/// the run itself). Null means "not said here"; <see cref="Over"/> layers a more specific level on top.
/// </summary>
internal sealed record RunFormat(
    bool? Bold = null,
    bool? Italic = null,
    bool? Underline = null,
    bool? Strike = null,
    bool? Superscript = null,
    bool? Subscript = null,
    bool? SmallCaps = null,
    bool? Hidden = null,
    bool? RightToLeft = null,
    string? Language = null,
    string? BidiLanguage = null,
    int? SizeHalfPoints = null,
    string? CharacterStyleId = null)
{
    public static RunFormat Empty { get; } = new();

    /// <summary>This format with <paramref name="top"/> laid over it.</summary>
    public RunFormat Over(RunFormat top)
    {
        if (ReferenceEquals(top, Empty))
        {
            return this;
        }

        if (ReferenceEquals(this, Empty))
        {
            return top;
        }

        return new RunFormat(
            top.Bold ?? Bold,
            top.Italic ?? Italic,
            top.Underline ?? Underline,
            top.Strike ?? Strike,
            top.Superscript ?? Superscript,
            top.Subscript ?? Subscript,
            top.SmallCaps ?? SmallCaps,
            top.Hidden ?? Hidden,
            top.RightToLeft ?? RightToLeft,
            top.Language ?? Language,
            top.BidiLanguage ?? BidiLanguage,
            top.SizeHalfPoints ?? SizeHalfPoints,
            top.CharacterStyleId ?? CharacterStyleId);
    }

    public TextStyle ToTextStyle()
    {
        var style = TextStyle.None;
        if (Bold == true)
        {
            style |= TextStyle.Bold;
        }

        if (Italic == true)
        {
            style |= TextStyle.Italic;
        }

        if (Underline == true)
        {
            style |= TextStyle.Underline;
        }

        if (Strike == true)
        {
            style |= TextStyle.Strikethrough;
        }

        if (Superscript == true)
        {
            style |= TextStyle.Superscript;
        }
        else if (Subscript == true)
        {
            style |= TextStyle.Subscript;
        }

        if (SmallCaps == true)
        {
            style |= TextStyle.SmallCaps;
        }

        return style;
    }

    /// <summary>Reads w:rPr (run, style or paragraph-mark properties): all share the same children.</summary>
    public static RunFormat Read(OpenXmlElement? properties, Warnings? warnings)
    {
        if (properties is null || !properties.HasChildren)
        {
            return Empty;
        }

        bool? bold = null, italic = null, underline = null, strike = null, sup = null, sub = null, smallCaps = null, hidden = null, rtl = null;
        string? lang = null, bidiLang = null, charStyle = null;
        int? size = null;
        foreach (var child in properties.ChildElements)
        {
            switch (child)
            {
                case RunStyle rs:
                    charStyle = Blank(rs.Val?.InnerText);
                    break;
                case Bold b:
                    bold = Attr.OnOff(b.Val, warnings);
                    break;
                case Italic i:
                    italic = Attr.OnOff(i.Val, warnings);
                    break;
                case Underline u:
                    // w:u with no w:val is a single underline; only "none" takes it away.
                    underline = !Attr.Is(Attr.Token(u.Val), "none");
                    break;
                case Strike s:
                    strike = Attr.OnOff(s.Val, warnings);
                    break;
                case DoubleStrike ds:
                    strike = Attr.OnOff(ds.Val, warnings) || strike == true;
                    break;
                case SmallCaps sc:
                    smallCaps = Attr.OnOff(sc.Val, warnings);
                    break;
                case Vanish v:
                    hidden = Attr.OnOff(v.Val, warnings);
                    break;
                case RightToLeftText r:
                    rtl = Attr.OnOff(r.Val, warnings);
                    break;
                case VerticalTextAlignment va when Attr.Token(va.Val) is { } position:
                    sup = Attr.Is(position, "superscript");
                    sub = Attr.Is(position, "subscript");
                    break;
                case Languages l:
                    lang = Blank(l.Val?.InnerText);
                    bidiLang = Blank(l.Bidi?.InnerText);
                    break;
                case FontSize fs when Attr.HalfPoints(fs.Val, warnings) is int halfPoints:
                    size = halfPoints;
                    break;
                default:
                    break;
            }
        }

        return new RunFormat(bold, italic, underline, strike, sup, sub, smallCaps, hidden, rtl, lang, bidiLang, size, charStyle);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
