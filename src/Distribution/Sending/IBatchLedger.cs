namespace PressPipeline.Distribution.Sending;

/// <summary>
/// The per-batch record that keeps sends exactly-once from our side (SendGrid has no idempotency key).
/// Every recipient of a release belongs to at most one batch row at a time: rows are created only by
/// <see cref="PlanAsync"/>, which adds recipients no row holds, in one transaction guarded by the release's plan
/// version; a row's members only ever shrink (when it is claimed). So two runs with different lists, even at the
/// same moment, can never put one recipient into two batches, whatever the batch boundaries.
/// </summary>
public interface IBatchLedger
{
    /// <summary>The release's batch rows (not the plan marker), in batch id order.</summary>
    Task<IReadOnlyList<LedgerEntry>> ListAsync(string releaseId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds Pending rows for the recipients (contact ids) no row holds yet, in batches of at most
    /// <paramref name="batchSize"/>, and returns every row of the release.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> PlanAsync(string releaseId, IReadOnlyCollection<string> contactIds, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a Pending or Failed row to Sending with the members about to be sent (a subset of its members; the
    /// others are released for a later plan), if nobody changed it since it was read; null when another run got there first.
    /// </summary>
    Task<LedgerEntry?> TryClaimAsync(LedgerEntry entry, IReadOnlyList<string> members, CancellationToken cancellationToken);

    /// <summary>Writes the outcome of a claimed batch.</summary>
    Task<LedgerEntry> RecordAsync(LedgerEntry claimed, BatchState state, string? messageId, string? reason, CancellationToken cancellationToken);

    /// <summary>Staff decision for a held (Unknown, or Sending left by a crash) batch: mark it Failed so the next run sends it.</summary>
    Task<bool> AllowResendAsync(string releaseId, string batchId, string reason, CancellationToken cancellationToken);

    /// <summary>Staff decision for a held batch SendGrid is known to have taken: mark it Accepted so it is never sent again.</summary>
    Task<bool> MarkAcceptedAsync(string releaseId, string batchId, string reason, CancellationToken cancellationToken);
}
