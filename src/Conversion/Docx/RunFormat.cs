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
    public static RunFormat Read(OpenXmlElement? properties)
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
                    charStyle = rs.Val?.Value;
                    break;
                case Bold b:
                    bold = On(b.Val);
                    break;
                case Italic i:
                    italic = On(i.Val);
                    break;
                case Underline u:
                    underline = u.Val is null || u.Val.Value != UnderlineValues.None;
                    break;
                case Strike s:
                    strike = On(s.Val);
                    break;
                case DoubleStrike ds:
                    strike = On(ds.Val) || strike == true;
                    break;
                case SmallCaps sc:
                    smallCaps = On(sc.Val);
                    break;
                case Vanish v:
                    hidden = On(v.Val);
                    break;
                case RightToLeftText r:
                    rtl = On(r.Val);
                    break;
                case VerticalTextAlignment va when va.Val is not null:
                    var position = va.Val.Value;
                    sup = position == VerticalPositionValues.Superscript;
                    sub = position == VerticalPositionValues.Subscript;
                    break;
                case Languages l:
                    lang = Blank(l.Val?.Value);
                    bidiLang = Blank(l.Bidi?.Value);
                    break;
                case FontSize fs when int.TryParse(fs.Val?.Value, out var halfPoints):
                    size = halfPoints;
                    break;
                default:
                    break;
            }
        }

        return new RunFormat(bold, italic, underline, strike, sup, sub, smallCaps, hidden, rtl, lang, bidiLang, size, charStyle);
    }

    private static bool On(OnOffValue? value) => value?.Value ?? true;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
