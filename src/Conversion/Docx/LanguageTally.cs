using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Counts characters per w:lang and per direction while the body is read, so the document's language
/// and direction are what most of its text says, not what the first run says.
/// </summary>
internal sealed class LanguageTally
{
    private readonly Dictionary<string, int> characters = new(StringComparer.OrdinalIgnoreCase);
    private int rightToLeft;
    private int leftToRight;
    private int cyrillic;
    private int kazakhLetters;
    private int latin;

    public void Add(string text, RunFormat format)
    {
        var language = format.RightToLeft == true ? format.BidiLanguage ?? format.Language : format.Language;
        if (language is not null)
        {
            characters[language] = characters.GetValueOrDefault(language) + text.Length;
        }

        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
                if ("әғқңөұүһіӘҒҚҢӨҰҮҺІ".Contains(c, StringComparison.Ordinal))
                {
                    kazakhLetters++;
                }
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }
    }

    public void AddParagraph(bool rtl, int length)
    {
        if (rtl)
        {
            rightToLeft += length;
        }
        else
        {
            leftToRight += length;
        }
    }

    public TextDirection Direction => rightToLeft > leftToRight ? TextDirection.RightToLeft : TextDirection.LeftToRight;

    /// <summary>
    /// The most used w:lang. When the text is mostly Cyrillic but tagged with a Latin-script language (a
    /// common leftover of templates), the script wins: Kazakh when its own letters appear, else Russian.
    /// </summary>
    public string Language(string? fallback)
    {
        var tagged = characters.Count == 0 ? fallback : characters.MaxBy(pair => pair.Value).Key;
        var mostlyCyrillic = cyrillic > latin * 2 && cyrillic > 20;
        if (mostlyCyrillic && !IsCyrillicLanguage(tagged))
        {
            return kazakhLetters * 200 > cyrillic ? "kk-KZ" : "ru-RU";
        }

        return tagged ?? "en";
    }

    private static bool IsCyrillicLanguage(string? tag) =>
        tag is not null && tag.Split('-')[0].ToLowerInvariant() is "ru" or "kk" or "uk" or "be" or "bg" or "sr" or "mk" or "ky" or "tg" or "mn" or "uz" or "tt" or "ba";
}
