namespace PressPipeline.Distribution.Sending;

/// <summary>
/// Where a batch is. Pending → Sending is written before the request, the outcome after it:
/// Accepted (SendGrid queued it: never send again), Failed (SendGrid certainly did not take it: a rerun
/// may send it), Unknown (we cannot tell: never resent automatically, staff decide). A batch still in
/// Sending when a run starts was interrupted mid-request and counts as Unknown.
/// </summary>
public enum BatchState
{
    Pending,
    Sending,
    Accepted,
    Failed,
    Unknown,
}

/// <summary>One batch row of the ledger.</summary>
/// <param name="Members">Contact ids in the batch (hashes only, never addresses).</param>
/// <param name="Version">Opaque concurrency token of the stored row.</param>
public sealed record LedgerEntry(
    string ReleaseId,
    string BatchId,
    BatchState State,
    IReadOnlyList<string> Members,
    string? MessageId,
    string? Reason,
    int Attempts,
    DateTimeOffset UpdatedAt,
    string Version)
{
    /// <summary>Which claim wrote the row (a fresh id per claim): how a run recognises its own write after a lost answer.</summary>
    public string? ClaimId { get; init; }
}
