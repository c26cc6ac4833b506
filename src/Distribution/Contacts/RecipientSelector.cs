namespace PressPipeline.Distribution.Contacts;

/// <summary>A contact and the language version of the release they get.</summary>
public sealed record RoutedContact(Contact Contact, string Language);

/// <summary>
/// Merges media lists into one audience — each address once (case-insensitively, first list wins), only contacts
/// with one of the tags when tags are asked for — and routes each contact to exactly one language version: the
/// first language of their <c>language</c> column (in their order of preference, "ru,en") that the release has,
/// else the main version. Contacts without a language get the main version. Nobody is left out for their language.
/// </summary>
public static class RecipientSelector
{
    /// <param name="versions">The release's languages as primary subtags, the main version's first.</param>
    public static IReadOnlyList<RoutedContact> Route(IEnumerable<ContactListResult> lists, IReadOnlyList<string> versions, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
        {
            throw new ArgumentException("A release has at least its main version.", nameof(versions));
        }

        var available = versions.Select(ContactListReader.PrimaryLanguage).ToArray();
        var wanted = new HashSet<string>(tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var routed = new List<RoutedContact>();
        foreach (var contact in lists.SelectMany(l => l.Contacts))
        {
            if (!seen.Add(ContactIdentity.Normalize(contact.Email)))
            {
                continue;
            }

            if (wanted.Count == 0 || contact.Tags.Any(wanted.Contains))
            {
                routed.Add(new RoutedContact(contact, LanguageFor(contact, available)));
            }
        }

        return routed;
    }

    /// <summary>The first of the contact's languages the release has, else the main version's.</summary>
    public static string LanguageFor(Contact contact, IReadOnlyList<string> versions)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(versions);
        return contact.Languages.FirstOrDefault(l => versions.Contains(l, StringComparer.Ordinal)) ?? versions[0];
    }
}
