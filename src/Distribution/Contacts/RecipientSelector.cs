namespace PressPipeline.Distribution.Contacts;

/// <summary>
/// Merges media lists into one audience: each address once (case-insensitively, first list wins), then only
/// contacts who read the release's language (no language = everything) and, when asked, carry one of the tags.
/// </summary>
public static class RecipientSelector
{
    public static IReadOnlyList<Contact> Select(IEnumerable<ContactListResult> lists, string releaseLanguage, IReadOnlyList<string> tags)
    {
        var language = ContactListReader.PrimaryLanguage(releaseLanguage);
        var wanted = new HashSet<string>(tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var selected = new List<Contact>();
        foreach (var contact in lists.SelectMany(l => l.Contacts))
        {
            if (!seen.Add(ContactIdentity.Normalize(contact.Email)))
            {
                continue;
            }

            var readsLanguage = contact.Languages.Count == 0 || language.Length == 0 || contact.Languages.Contains(language, StringComparer.Ordinal);
            var hasTag = wanted.Count == 0 || contact.Tags.Any(wanted.Contains);
            if (readsLanguage && hasTag)
            {
                selected.Add(contact);
            }
        }

        return selected;
    }
}
