using System.Collections.Concurrent;
using System.Globalization;
using HarfBuzzSharp;
using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using Buffer = HarfBuzzSharp.Buffer;

namespace PressPipeline.Conversion.Rendering.Pdf.Text;

/// <summary>
/// Splits a paragraph into segments of one style, one font family and one bidi level, then shapes each
/// segment once with HarfBuzz. The family is chosen per character: the first family in the theme's
/// fallback order that has the glyph; spaces, punctuation and marks stay with the font around them so a
/// run is not cut for nothing. One per render and one thread at a time: it reuses a single HarfBuzz buffer.
/// </summary>
internal sealed class ParagraphShaper(FontLibrary fonts, string languageTag) : IDisposable
{
    private static readonly ConcurrentDictionary<string, Language> Languages = new(StringComparer.Ordinal);

    private readonly Language language = Languages.GetOrAdd(languageTag, static tag => new Language(tag));
    private readonly SortedSet<int> missing = [];
    private readonly Buffer buffer = new();

    /// <summary>Visible characters no shipped font can draw (they show as empty boxes).</summary>
    public IReadOnlyCollection<int> MissingCharacters => missing;

    public ShapedParagraph Shape(string text, IReadOnlyList<StyleRange> styles, byte[] levels)
    {
        var families = AssignFamilies(text);
        var segments = new List<ShapedSegment>();
        foreach (var range in styles)
        {
            var start = range.Start;
            while (start < range.End)
            {
                var end = start + 1;
                while (end < range.End && families[end] == families[start] && levels[end] == levels[start]
                    && text[end] != '\n' && text[start] != '\n')
                {
                    end++;
                }

                segments.Add(ShapeSegment(text, start, end, range.Style, fonts.Families[families[start]], levels[start]));
                start = end;
            }
        }

        return new ShapedParagraph(text, levels, segments);
    }

    public void Dispose() => buffer.Dispose();

    private int[] AssignFamilies(string text)
    {
        var families = new int[text.Length];
        var current = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var codePoint = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            var family = current >= 0 && StaysWithNeighbour(codePoint) && fonts.Families[current].Regular.Covers(codePoint)
                ? current
                : fonts.FamilyFor(codePoint);
            if (family < 0)
            {
                if (!char.IsWhiteSpace(text, i) && !char.IsControl(text, i) && CharUnicodeInfo.GetUnicodeCategory(codePoint) != UnicodeCategory.Format)
                {
                    missing.Add(codePoint);
                }

                family = Math.Max(current, 0);
            }

            families[i] = family;
            if (codePoint > 0xFFFF)
            {
                families[++i] = family;
            }

            current = family;
        }

        // A neutral at the start of a paragraph takes the family of the first letter after it.
        var firstLetter = FirstLetter(text);
        if (firstLetter > 0)
        {
            var family = families[firstLetter];
            for (var i = 0; i < firstLetter; i++)
            {
                if (fonts.Families[family].Regular.Covers(text[i]))
                {
                    families[i] = family;
                }
            }
        }

        return families;
    }

    private static int FirstLetter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool StaysWithNeighbour(int codePoint) =>
        CharUnicodeInfo.GetUnicodeCategory(codePoint) is not (UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter);

    private ShapedSegment ShapeSegment(string text, int start, int end, RunStyle style, FontFamily family, byte level)
    {
        var (face, fakeBold, fakeItalic) = family.Face(style.Bold, style.Italic);
        var font = SizedFonts.Get(face, style.Size, fakeBold, fakeItalic);

        if (text[start] == '\n')
        {
            return new ShapedSegment(start, end, style, font, level, [], [], [], []) { Face = face };
        }

        // One HarfBuzz buffer for the whole render, emptied between segments: each new one is a native
        // allocation and a finalizable object, and a report shapes thousands of segments.
        buffer.ClearContents();
        buffer.AddUtf16(text.AsSpan(start, end - start));
        buffer.Direction = level % 2 == 1 ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Language = language;
        buffer.GuessSegmentProperties();
        var (glyphs, clusters, points, advances) = face.Shaper.Shape(buffer, font, start);
        var count = glyphs.Length;

        // Tabs shape as a missing glyph in most fonts: draw them as four spaces' width of nothing.
        for (var i = 0; i < count; i++)
        {
            if (text[clusters[i]] == '\t')
            {
                advances[i] = style.Size * 2f;
                glyphs[i] = face.Glyph(' ');
            }
        }

        return new ShapedSegment(start, end, style, font, level, glyphs, points, advances, clusters) { Face = face };
    }
}

/// <summary>A paragraph after shaping: its text, levels and segments, with per-character advances.</summary>
internal sealed class ShapedParagraph
{
    public ShapedParagraph(string text, byte[] levels, IReadOnlyList<ShapedSegment> segments)
    {
        Text = text;
        Levels = levels;
        Segments = segments;
        CharAdvances = new float[text.Length];
        foreach (var segment in segments)
        {
            for (var g = 0; g < segment.Glyphs.Length; g++)
            {
                CharAdvances[segment.Clusters[g]] += segment.Advances[g];
            }
        }

        Prefix = new float[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            Prefix[i + 1] = Prefix[i] + CharAdvances[i];
        }
    }

    public string Text { get; }

    public byte[] Levels { get; }

    public IReadOnlyList<ShapedSegment> Segments { get; }

    /// <summary>Advance of each character (a ligature's whole advance sits on its first character).</summary>
    public float[] CharAdvances { get; }

    private float[] Prefix { get; }

    /// <summary>Width of characters [start, end).</summary>
    public float Width(int start, int end) => Prefix[end] - Prefix[start];
}
