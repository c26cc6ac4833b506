namespace PressPipeline.Conversion.Docx;

/// <summary>
/// w:sym characters from the Symbol and Wingdings fonts mapped to Unicode so they survive outside Word.
/// Symbol follows the Adobe Symbol encoding; Wingdings covers the marks press releases actually use.
/// </summary>
internal static class SymbolMap
{
    private const string SymbolUpper = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
    private const string SymbolLower = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";

    private static readonly Dictionary<int, string> Symbol = new()
    {
        [0x20] = " ",
        [0x22] = "∀",
        [0x24] = "∃",
        [0x27] = "∋",
        [0x2A] = "∗",
        [0x2D] = "−",
        [0x40] = "≅",
        [0x5C] = "∴",
        [0x5E] = "⊥",
        [0x60] = "‾",
        [0xA0] = "€",
        [0xA1] = "ϒ",
        [0xA2] = "′",
        [0xA3] = "≤",
        [0xA5] = "∞",
        [0xA7] = "♣",
        [0xA8] = "♦",
        [0xA9] = "♥",
        [0xAA] = "♠",
        [0xAB] = "↔",
        [0xAC] = "←",
        [0xAD] = "↑",
        [0xAE] = "→",
        [0xAF] = "↓",
        [0xB0] = "°",
        [0xB1] = "±",
        [0xB2] = "″",
        [0xB3] = "≥",
        [0xB4] = "×",
        [0xB5] = "∝",
        [0xB6] = "∂",
        [0xB7] = "•",
        [0xB8] = "÷",
        [0xB9] = "≠",
        [0xBA] = "≡",
        [0xBB] = "≈",
        [0xBC] = "…",
        [0xD2] = "®",
        [0xD3] = "©",
        [0xD4] = "™",
        [0xD5] = "∏",
        [0xD6] = "√",
        [0xD7] = "⋅",
        [0xD8] = "¬",
        [0xD9] = "∧",
        [0xDA] = "∨",
        [0xE5] = "∑",
        [0xC6] = "∅",
        [0xC7] = "∩",
        [0xC8] = "∪",
        [0xCE] = "∈",
        [0xCF] = "∉",
        [0xD1] = "∇",
        [0xE1] = "〈",
        [0xF1] = "〉",
        [0xF2] = "∫",
    };

    private static readonly Dictionary<int, string> Wingdings = new()
    {
        [0x21] = "✏",
        [0x22] = "✂",
        [0x28] = "☎",
        [0x29] = "✆",
        [0x2A] = "✉",
        [0x36] = "⌛",
        [0x37] = "⌨",
        [0x3A] = "💻",
        [0x3F] = "✍",
        [0x41] = "✌",
        [0x43] = "👍",
        [0x44] = "👎",
        [0x45] = "☜",
        [0x46] = "☞",
        [0x4A] = "☺",
        [0x4B] = "😐",
        [0x4C] = "☹",
        [0x4E] = "☠",
        [0x52] = "☼",
        [0x54] = "❄",
        [0x58] = "✠",
        [0x59] = "✡",
        [0x5B] = "☯",
        [0x6C] = "●",
        [0x6D] = "❍",
        [0x6E] = "■",
        [0x6F] = "□",
        [0x71] = "❑",
        [0x72] = "❒",
        [0x73] = "⬧",
        [0x74] = "⧫",
        [0x75] = "◆",
        [0x76] = "❖",
        [0x77] = "⬥",
        [0x9F] = "•",
        [0xA1] = "○",
        [0xA7] = "▪",
        [0xA8] = "◻",
        [0xAB] = "★",
        [0xD8] = "➢",
        [0xDF] = "⇦",
        [0xE0] = "⇨",
        [0xE1] = "⇧",
        [0xE2] = "⇩",
        [0xE8] = "➔",
        [0xEF] = "⇦",
        [0xF0] = "⇨",
        [0xFB] = "✗",
        [0xFC] = "✓",
        [0xFD] = "☒",
        [0xFE] = "☑",
    };

    /// <summary>The Unicode text for a w:sym, or null when the font/character is not known.</summary>
    public static string? Map(string? font, string? hexCode)
    {
        if (hexCode is null || !int.TryParse(hexCode, System.Globalization.NumberStyles.HexNumber, null, out var code))
        {
            return null;
        }

        // Word stores symbol-font characters in the private-use range F000–F0FF.
        var low = code >= 0xF000 ? code - 0xF000 : code;
        var face = (font ?? string.Empty).Trim().ToLowerInvariant();
        if (face == "symbol")
        {
            if (low is >= 0x41 and <= 0x5A)
            {
                return SymbolUpper[low - 0x41].ToString();
            }

            if (low is >= 0x61 and <= 0x7A)
            {
                return SymbolLower[low - 0x61].ToString();
            }

            return Symbol.TryGetValue(low, out var s) ? s : low is >= 0x21 and < 0x7F ? ((char)low).ToString() : null;
        }

        if (face.StartsWith("wingdings", StringComparison.Ordinal))
        {
            return Wingdings.GetValueOrDefault(low);
        }

        // An ordinary font: the code is a real character.
        return code < 0xE000 || code > 0xF8FF ? char.ConvertFromUtf32(code) : null;
    }
}
