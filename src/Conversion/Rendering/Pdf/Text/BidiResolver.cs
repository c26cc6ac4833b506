using System.Globalization;

namespace PressPipeline.Conversion.Rendering.Pdf.Text;

/// <summary>
/// The parts of the Unicode Bidirectional Algorithm (UAX #9) a press release needs; .NET has no public
/// bidi API. No explicit embeddings or isolates (Word's w:rtl runs reach us as plain text), so every
/// paragraph has one base level and the rules reduce to: classify characters (strong L, R, AL; numbers
/// EN, AN; separators; neutrals), resolve weak types (W1–W7), resolve neutrals between strong types
/// (N1–N2), assign implicit levels (I1–I2); then per line reset trailing whitespace (L1) and reverse
/// runs from the highest level down (L2).
/// </summary>
internal static class BidiResolver
{
    /// <summary>Resolved embedding level for every UTF-16 unit of the paragraph.</summary>
    public static byte[] ResolveLevels(string text, bool rightToLeft)
    {
        var baseLevel = rightToLeft ? (byte)1 : (byte)0;
        if (!rightToLeft && !HasRightToLeftOrArabicNumber(text))
        {
            // Without R, AL or AN the rules leave a left-to-right paragraph at level 0 throughout (W7 turns
            // European numbers into L), so most paragraphs of most releases skip the resolution.
            return new byte[text.Length];
        }

        var types = Classify(text);
        ResolveWeakTypes(types, baseLevel);
        ResolveNeutrals(types, baseLevel);
        var levels = new byte[text.Length];
        for (var i = 0; i < types.Length; i++)
        {
            levels[i] = ImplicitLevel(types[i], baseLevel);
        }

        return levels;
    }

    /// <summary>True when the text's first strong character is right-to-left (P2–P3).</summary>
    public static bool StartsRightToLeft(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var type = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? Classify(text, i++) : Classify(text[i]);
            if (type is BidiType.L)
            {
                return false;
            }

            if (type is BidiType.R or BidiType.AL)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasRightToLeftOrArabicNumber(string text)
    {
        // Every character Classify calls R, AL or AN lies in these blocks (surrogates are L or ON).
        foreach (var c in text)
        {
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE') or '\u200F')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rule L1 for one line: trailing whitespace goes back to the paragraph level.</summary>
    public static void ResetTrailingWhitespace(Span<byte> lineLevels, ReadOnlySpan<char> lineText, byte baseLevel)
    {
        for (var i = lineText.Length - 1; i >= 0 && char.IsWhiteSpace(lineText[i]); i--)
        {
            lineLevels[i] = baseLevel;
        }
    }

    /// <summary>
    /// Rule L2 on runs: returns run indexes in visual (left-to-right) order. From the highest level down
    /// to the lowest odd level, every maximal sequence at that level or above is reversed.
    /// </summary>
    public static int[] VisualOrder(IReadOnlyList<byte> runLevels)
    {
        var order = new int[runLevels.Count];
        var anyRightToLeft = false;
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            anyRightToLeft |= runLevels[i] > 0;
        }

        // Nearly every line is left to right at level 0: nothing to reorder, and no sequences to build.
        if (!anyRightToLeft)
        {
            return order;
        }

        var highest = runLevels.Max();
        var lowestOdd = runLevels.Where(level => level % 2 == 1).DefaultIfEmpty((byte)(highest + 1)).Min();
        for (var level = highest; level >= lowestOdd && level > 0; level--)
        {
            var i = 0;
            while (i < order.Length)
            {
                if (runLevels[order[i]] < level)
                {
                    i++;
                    continue;
                }

                var end = i;
                while (end < order.Length && runLevels[order[end]] >= level)
                {
                    end++;
                }

                Array.Reverse(order, i, end - i);
                i = end;
            }
        }

        return order;
    }

    private static BidiType[] Classify(string text)
    {
        var types = new BidiType[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
            {
                var type = Classify(text, i);
                types[i] = type;
                types[++i] = type;
                continue;
            }

            types[i] = Classify(text[i]);
        }

        return types;
    }

    /// <summary>Supplementary characters here are letters or symbols of left-to-right scripts and emoji.</summary>
    private static BidiType Classify(string text, int highSurrogate) =>
        char.IsLetter(text, highSurrogate) ? BidiType.L : BidiType.ON;

    private static BidiType Classify(char c) => c switch
    {
        >= '0' and <= '9' => BidiType.EN,
        '+' or '-' => BidiType.ES,
        '.' or ',' or ':' or '/' or '\u00A0' => BidiType.CS,
        '#' or '$' or '%' or '\u00B0' or '\u20AC' or '\u00A3' or '\u20B8' => BidiType.ET,
        >= '\u0660' and <= '\u0669' => BidiType.AN,
        >= '\u06F0' and <= '\u06F9' => BidiType.EN,
        >= '\u0591' and <= '\u05C7' when IsMark(c) => BidiType.NSM,
        >= '\u0590' and <= '\u05FF' => BidiType.R,
        >= '\u0610' and <= '\u061A' => BidiType.NSM,
        >= '\u064B' and <= '\u065F' => BidiType.NSM,
        '\u0670' => BidiType.NSM,
        >= '\u0600' and <= '\u07BF' => BidiType.AL,
        >= '\u07C0' and <= '\u085F' => BidiType.R,
        >= '\u0860' and <= '\u08FF' => BidiType.AL,
        >= '\uFB1D' and <= '\uFB4F' => BidiType.R,
        >= '\uFB50' and <= '\uFDFF' => BidiType.AL,
        >= '\uFE70' and <= '\uFEFE' => BidiType.AL,
        '\u200F' => BidiType.R,
        '\u200E' => BidiType.L,
        _ when char.IsWhiteSpace(c) => BidiType.WS,
        _ when IsMark(c) => BidiType.NSM,
        _ when char.IsLetter(c) || char.IsDigit(c) => BidiType.L,
        _ => BidiType.ON,
    };

    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    private static void ResolveWeakTypes(BidiType[] types, byte baseLevel)
    {
        var sos = baseLevel % 2 == 0 ? BidiType.L : BidiType.R;

        // W1: a mark takes the type of the character before it.
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] == BidiType.NSM)
            {
                types[i] = i == 0 ? sos : types[i - 1];
            }
        }

        // W2: European digits after Arabic letters are Arabic numbers. W3: AL becomes R.
        var lastStrong = sos;
        for (var i = 0; i < types.Length; i++)
        {
            switch (types[i])
            {
                case BidiType.L or BidiType.R or BidiType.AL:
                    lastStrong = types[i];
                    break;
                case BidiType.EN when lastStrong == BidiType.AL:
                    types[i] = BidiType.AN;
                    break;
                default:
                    break;
            }
        }

        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] == BidiType.AL)
            {
                types[i] = BidiType.R;
            }
        }

        // W4: one separator between two numbers of the same kind joins them.
        for (var i = 1; i + 1 < types.Length; i++)
        {
            var before = types[i - 1];
            var after = types[i + 1];
            if (before == after && (before == BidiType.EN && types[i] is BidiType.ES or BidiType.CS
                || before == BidiType.AN && types[i] == BidiType.CS))
            {
                types[i] = before;
            }
        }

        // W5: currency and percent signs next to European numbers are numbers.
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] != BidiType.ET)
            {
                continue;
            }

            var end = i;
            while (end < types.Length && types[end] == BidiType.ET)
            {
                end++;
            }

            var touchesNumber = (i > 0 && types[i - 1] == BidiType.EN) || (end < types.Length && types[end] == BidiType.EN);
            for (var k = i; k < end; k++)
            {
                types[k] = touchesNumber ? BidiType.EN : BidiType.ON;
            }

            i = end - 1;
        }

        // W6: remaining separators are neutral. W7: European numbers in a left-to-right context are L.
        lastStrong = sos;
        for (var i = 0; i < types.Length; i++)
        {
            switch (types[i])
            {
                case BidiType.ES or BidiType.CS:
                    types[i] = BidiType.ON;
                    break;
                case BidiType.L or BidiType.R:
                    lastStrong = types[i];
                    break;
                case BidiType.EN when lastStrong == BidiType.L:
                    types[i] = BidiType.L;
                    break;
                default:
                    break;
            }
        }
    }

    // N1–N2: neutrals between two strong types of one direction take it (numbers count as R);
    // otherwise they take the paragraph direction.
    private static void ResolveNeutrals(BidiType[] types, byte baseLevel)
    {
        var embedding = baseLevel % 2 == 0 ? BidiType.L : BidiType.R;
        var i = 0;
        while (i < types.Length)
        {
            if (types[i] is not (BidiType.WS or BidiType.ON))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < types.Length && types[end] is BidiType.WS or BidiType.ON)
            {
                end++;
            }

            var before = i == 0 ? embedding : Direction(types[i - 1]);
            var after = end == types.Length ? embedding : Direction(types[end]);
            var resolved = before == after ? before : embedding;
            Array.Fill(types, resolved, i, end - i);
            i = end;
        }
    }

    private static BidiType Direction(BidiType type) => type is BidiType.L ? BidiType.L : BidiType.R;

    private static byte ImplicitLevel(BidiType type, byte baseLevel) => (baseLevel % 2, type) switch
    {
        (0, BidiType.R) => (byte)(baseLevel + 1),
        (0, BidiType.AN or BidiType.EN) => (byte)(baseLevel + 2),
        (1, BidiType.L or BidiType.EN or BidiType.AN) => (byte)(baseLevel + 1),
        _ => baseLevel,
    };

    private enum BidiType
    {
        L,
        R,
        AL,
        EN,
        ES,
        ET,
        CS,
        AN,
        NSM,
        WS,
        ON,
    }
}
