namespace PressPipeline.Distribution.Suppressions;

/// <summary>Why an address must never be mailed again.</summary>
public enum SuppressionReason
{
    Unsubscribed,
    HardBounce,
    SpamReport,
    DoNotContact,
}

/// <summary>One entry of the suppression list as staff see it: the keyed hash, never the address.</summary>
/// <param name="AddedBy">Staff member who added it by hand; null for unsubscribes, bounces and spam reports.</param>
public sealed record Suppression(string ContactId, SuppressionReason Reason, string? ReleaseId, DateTimeOffset At, string? AddedBy, string? Note);

/// <summary>The contacts that must not be mailed, by contact id, as of one moment.</summary>
public sealed class SuppressionSnapshot(HashSet<string> contactIds, DateTimeOffset loadedFrom)
{
    public bool Contains(string contactId) => contactIds.Contains(contactId);

    public int Count => contactIds.Count;

    /// <summary>Entries written at or after this instant are picked up by the next refresh.</summary>
    public DateTimeOffset LoadedFrom { get; internal set; } = loadedFrom;

    internal void Add(string contactId) => contactIds.Add(contactId);
}
