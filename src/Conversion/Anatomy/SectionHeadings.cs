namespace PressPipeline.Conversion.Anatomy;

/// <summary>The sections lifted out of the story.</summary>
internal enum SectionKind
{
    About,
    MediaContacts,
    NotesToEditors,
}

/// <summary>
/// Recognises the headings of the "About X" boilerplate, the media-contacts block and the notes to
/// editors, in English, Russian, Kazakh, French, Spanish and German.
/// </summary>
internal static class SectionHeadings
{
    private static readonly string[] ContactPhrases =
    [
        "media contacts", "media contact", "press contacts", "press contact", "media enquiries", "media inquiries",
        "press enquiries", "for more information, please contact", "for more information please contact",
        "for further information, please contact", "for further information please contact", "for more information, contact",
        "контакты для сми", "контакт для сми", "контакты для прессы", "контактная информация для сми", "контактная информация",
        "для дополнительной информации обращайтесь", "за дополнительной информацией обращайтесь", "для справок",
        "бақ үшін байланыс", "бақ өкілдері үшін байланыс", "баспасөз үшін байланыс", "байланыс үшін", "қосымша ақпарат алу үшін",
        "contacts presse", "contact presse", "contacts médias", "contact médias", "contactos de prensa", "contacto de prensa",
        "contacto para medios", "pressekontakt", "pressekontakte", "medienkontakt", "kontakt für medien",
    ];

    private static readonly string[] NotesPhrases =
    [
        "notes to editors", "note to editors", "notes for editors", "note for editors", "editor's notes", "editors' notes",
        "editor's note", "примечания для редакторов", "примечание для редакторов", "для редакторов", "примечания для редакции",
        "редакторларға арналған ескертпе", "редакторларға арналған ескертпелер", "редакторларға ескертпе",
        "notes aux rédactions", "note aux rédactions", "notes à l'intention des rédactions", "notas para los editores",
        "nota para los editores", "notas para editores", "hinweise für redaktionen", "hinweis für redaktionen",
        "anmerkungen für die redaktion", "hinweise für die redaktion",
    ];

    private static readonly string[] AboutPrefixes = ["about the ", "about ", "об ", "о ", "à propos de l'", "à propos de ", "à propos du ", "acerca de ", "acerca del ", "sobre ", "über "];

    private static readonly string[] AboutSuffixes = [" туралы"];

    /// <summary>The section a heading opens, the heading as written, the organisation named by an "About X",
    /// and any text after a colon ("Media contact: Jane Doe …").</summary>
    public static (SectionKind Kind, string Heading, string? Organisation, string? Remainder)? Recognise(string text)
    {
        if (text.Length is 0 or > 300)
        {
            return null;
        }

        var normalised = BlockText.Normalise(text);
        foreach (var phrase in ContactPhrases)
        {
            if (StartsWithPhrase(normalised, phrase))
            {
                return (SectionKind.MediaContacts, Heading(text, phrase.Length), null, Rest(text, phrase.Length));
            }
        }

        foreach (var phrase in NotesPhrases)
        {
            if (StartsWithPhrase(normalised, phrase))
            {
                return (SectionKind.NotesToEditors, Heading(text, phrase.Length), null, Rest(text, phrase.Length));
            }
        }

        if (text.Length > 90 || text.TrimEnd().EndsWith('.'))
        {
            return null;
        }

        var trimmed = normalised.TrimEnd(':', ' ');
        foreach (var prefix in AboutPrefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.Ordinal) && trimmed.Length > prefix.Length + 1)
            {
                var organisation = text.Trim().TrimEnd(':', ' ')[prefix.Length..].Trim();
                return (SectionKind.About, text.Trim().TrimEnd(':', ' '), organisation, null);
            }
        }

        foreach (var suffix in AboutSuffixes)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal) && trimmed.Length > suffix.Length + 1)
            {
                var organisation = text.Trim().TrimEnd(':', ' ')[..^suffix.Length].Trim();
                return (SectionKind.About, text.Trim().TrimEnd(':', ' '), organisation, null);
            }
        }

        return null;
    }

    private static bool StartsWithPhrase(string normalised, string phrase) =>
        normalised.StartsWith(phrase, StringComparison.Ordinal)
        && (normalised.Length == phrase.Length || normalised[phrase.Length] is ':' or ' ' or '.' or '-' or '(');

    private static string Heading(string text, int length) => text.Trim()[..Math.Min(length, text.Trim().Length)].Trim();

    private static string? Rest(string text, int length)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= length)
        {
            return null;
        }

        var rest = trimmed[length..].TrimStart(':', ' ', '-', '–').Trim();
        return rest.Length == 0 ? null : rest;
    }
}
