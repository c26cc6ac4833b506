namespace PressPipeline.Distribution.Suppressions;

/// <summary>Why an address must never be mailed again.</summary>
public enum SuppressionReason
{
    Unsubscribed,
    HardBounce,
    SpamReport,
    DoNotContact,
}

/// <summary>The contacts that must not be mailed, by contact id, as of one moment.</summary>
public sealed class SuppressionSnapshot(HashSet<string> contactIds, DateTimeOffset loadedFrom)
{
    public bool Contains(string contactId) => contactIds.Contains(contactId);

    public int Count => contactIds.Count;

    /// <summary>Entries written at or after this instant are picked up by the next refresh.</summary>
    public DateTimeOffset LoadedFrom { get; internal set; } = loadedFrom;

    internal void Add(string contactId) => contactIds.Add(contactId);
}
