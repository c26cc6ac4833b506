using CsvHelper;

namespace PressPipeline.Distribution.Contacts;

/// <summary>
/// Reads one media list (CSV: email, name, outlet, language, tags). The separator (comma or semicolon) is
/// detected, a UTF-8 BOM is optional, headers match case-insensitively, quoted cells may hold separators and
/// line breaks. Bad rows are skipped and reported by their spreadsheet row number (the header is row 1); a
/// list without an "email" column is unusable as a whole.
/// </summary>
public static class ContactListReader
{
    private static readonly char[] ListSeparators = [',', ';', '|'];

    public static ContactListResult Read(string list, Stream csv)
    {
        var options = new CsvReaderOptions
        {
            Separator = null, // detect , or ;
            HasHeader = true,
            NormalizeHeaderName = Normalize,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };

        var contacts = new List<Contact>();
        var problems = new List<ContactListProblem>();
        var firstRowOf = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        var checkedHeader = false;
        while (reader.Read())
        {
            if (!checkedHeader)
            {
                if (!reader.TryGetFieldIndex("email", out _))
                {
                    var found = string.Join(", ", (reader.Headers ?? []).Select(Normalize).Where(h => h.Length > 0).Take(8));
                    return Unusable(list, $"missing column \"email\"; the first row must name the columns (found: {found}).");
                }

                checkedHeader = true;
            }

            var row = reader.RowNumber + 1;
            var email = Field(reader, "email") ?? "";
            if (email.Length == 0)
            {
                if (Enumerable.Range(0, reader.FieldCount).Any(i => !string.IsNullOrWhiteSpace(reader.GetString(i))))
                {
                    problems.Add(new(list, (int)row, "the e-mail address is empty."));
                }

                continue;
            }

            if (!EmailAddressRules.IsDeliverable(email))
            {
                problems.Add(new(list, (int)row, $"'{Shorten(email)}' is not an e-mail address."));
                continue;
            }

            var key = ContactIdentity.Normalize(email);
            if (firstRowOf.TryGetValue(key, out var first))
            {
                problems.Add(new(list, (int)row, $"{email} is a duplicate of row {first}; this row is skipped."));
                continue;
            }

            firstRowOf[key] = row;
            contacts.Add(new Contact(
                email,
                Field(reader, "name"),
                Field(reader, "outlet"),
                Split(Field(reader, "language")).Select(PrimaryLanguage).Distinct(StringComparer.Ordinal).ToArray(),
                Split(Field(reader, "tags"))));
        }

        if (!checkedHeader && (reader.Headers is not { Count: > 0 } headers || !headers.Select(Normalize).Contains("email")))
        {
            return Unusable(list, "the file has no header row naming an \"email\" column (expected: email, name, outlet, language, tags).");
        }

        return new ContactListResult(list, contacts, problems);
    }

    /// <summary>"en-GB" → "en": a contact who reads English gets the English release whatever its region.</summary>
    public static string PrimaryLanguage(string tag) => tag.Split('-', '_')[0].Trim().ToLowerInvariant();

    private static string Normalize(string header) => header.Trim().TrimStart('\uFEFF').ToLowerInvariant();

    private static string? Field(CsvReader reader, string name)
    {
        if (!reader.TryGetFieldIndex(name, out var index) || index >= reader.FieldCount)
        {
            return null;
        }

        var value = reader.GetString(index).Trim();
        return value.Length == 0 ? null : value;
    }

    private static string[] Split(string? value) =>
        value is null ? [] : value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";

    private static ContactListResult Unusable(string list, string message) =>
        new(list, [], [new ContactListProblem(list, 0, message)], Unusable: true);
}
