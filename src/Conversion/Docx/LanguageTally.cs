using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// Decides the language of each paragraph while the body is read, and the document's language from the majority of
/// its text: the language with the most letters over all paragraphs, not the first run's tag nor a handful of
/// letters. A paragraph's language comes from its script first (Cyrillic with Kazakh's own letters is Kazakh,
/// other Cyrillic is Russian unless tagged as another Cyrillic language) and from its w:lang tags otherwise. So a
/// Russian release quoting one Kazakh sentence is Russian, and that sentence is marked Kazakh on its own.
/// </summary>
internal sealed class LanguageTally(string? defaultLanguage)
{
    /// <summary>Kazakh's own letters make up about a tenth of Kazakh text; a Kazakh name in Russian text stays far below this.</summary>
    private const double KazakhLetterShare = 0.03;

    private const string KazakhLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    private readonly Dictionary<string, int> documentLetters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> paragraphTags = new(StringComparer.OrdinalIgnoreCase);
    private int rightToLeft;
    private int leftToRight;
    private int cyrillic;
    private int kazakh;
    private int latin;
    private int other;

    /// <summary>Counts one run of text of the paragraph being read.</summary>
    public void Add(string text, RunFormat format)
    {
        var language = format.RightToLeft == true ? format.BidiLanguage ?? format.Language : format.Language;
        var letters = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
                letters++;
                if (KazakhLetters.Contains(c, StringComparison.Ordinal))
                {
                    kazakh++;
                }
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                other++;
                letters++;
            }
        }

        if (language is not null && letters > 0)
        {
            paragraphTags[language] = paragraphTags.GetValueOrDefault(language) + letters;
        }
    }

    /// <summary>
    /// Ends the paragraph whose runs were just counted: returns its language (null when it has no letters or no
    /// tag says one) and adds its letters to the document's tally.
    /// </summary>
    public string? AddParagraph(bool rtl, int length)
    {
        if (rtl)
        {
            rightToLeft += length;
        }
        else
        {
            leftToRight += length;
        }

        var letters = cyrillic + latin + other;
        var language = letters == 0 ? null : Classify();
        if (language is not null)
        {
            documentLetters[language] = documentLetters.GetValueOrDefault(language) + letters;
        }

        paragraphTags.Clear();
        cyrillic = kazakh = latin = other = 0;
        return language;
    }

    /// <summary>False when <see cref="Language"/> is only the fallback: no tag, no default and no script told it.</summary>
    public bool Known => documentLetters.Count > 0 || defaultLanguage is not null;

    public TextDirection Direction => rightToLeft > leftToRight ? TextDirection.RightToLeft : TextDirection.LeftToRight;

    /// <summary>The language with the most letters, else the document's default, else English.</summary>
    public string Language() =>
        documentLetters.Count == 0 ? defaultLanguage ?? "en" : documentLetters.MaxBy(pair => pair.Value).Key;

    private string? Classify()
    {
        var tagged = paragraphTags.Count == 0 ? defaultLanguage : paragraphTags.MaxBy(pair => pair.Value).Key;
        if (cyrillic > latin + other)
        {
            if (kazakh >= cyrillic * KazakhLetterShare)
            {
                return PrimaryIs(tagged, "kk") ? tagged : "kk-KZ";
            }

            // Cyrillic tagged as a Latin-script language (a template's leftover) or as Kazakh without its letters is Russian.
            return IsCyrillicLanguage(tagged) && !PrimaryIs(tagged, "kk") ? tagged : "ru-RU";
        }

        return tagged;
    }

    private static bool PrimaryIs(string? tag, string primary) =>
        tag is not null && tag.Split('-')[0].Equals(primary, StringComparison.OrdinalIgnoreCase);

    private static bool IsCyrillicLanguage(string? tag) =>
        tag is not null && tag.Split('-')[0].ToLowerInvariant() is "ru" or "kk" or "uk" or "be" or "bg" or "sr" or "mk" or "ky" or "tg" or "mn" or "uz" or "tt" or "ba";
}
