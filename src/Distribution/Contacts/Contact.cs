namespace PressPipeline.Distribution.Contacts;

/// <summary>One journalist from a media list.</summary>
/// <param name="Email">The address as written in the list (trimmed).</param>
/// <param name="Languages">Primary language subtags the contact reads; empty means "everything".</param>
/// <param name="Tags">Free tags staff filter by (beats, regions); compared case-insensitively.</param>
public sealed record Contact(
    string Email,
    string? Name,
    string? Outlet,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Tags);

/// <summary>A row staff need to fix, in words they can act on.</summary>
public sealed record ContactListProblem(string List, int Row, string Message)
{
    public override string ToString() =>
        Row > 0 ? $"List '{List}', row {Row}: {Message}" : $"List '{List}': {Message}";
}

/// <summary>The usable contacts of one list and what was wrong with the rest.</summary>
/// <param name="Unusable">True when the list as a whole could not be read (missing, no e-mail column).</param>
public sealed record ContactListResult(
    string List,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<ContactListProblem> Problems,
    bool Unusable = false);
