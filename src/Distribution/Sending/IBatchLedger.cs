namespace PressPipeline.Distribution.Sending;

/// <summary>The per-batch record that keeps sends exactly-once from our side (SendGrid has no idempotency key).</summary>
public interface IBatchLedger
{
    Task<IReadOnlyList<LedgerEntry>> ListAsync(string releaseId, CancellationToken cancellationToken);

    /// <summary>Returns the stored row for the batch, creating it as Pending when there is none.</summary>
    Task<LedgerEntry> EnsureAsync(string releaseId, string batchId, IReadOnlyList<string> members, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a Pending or Failed row to Sending with the members about to be sent, if nobody changed it since
    /// it was read; null when another run got there first.
    /// </summary>
    Task<LedgerEntry?> TryClaimAsync(LedgerEntry entry, IReadOnlyList<string> members, CancellationToken cancellationToken);

    /// <summary>Writes the outcome of a claimed batch.</summary>
    Task<LedgerEntry> RecordAsync(LedgerEntry claimed, BatchState state, string? messageId, string? reason, CancellationToken cancellationToken);

    /// <summary>Staff decision for an Unknown batch: mark it Failed so the next run sends it.</summary>
    Task<bool> AllowResendAsync(string releaseId, string batchId, CancellationToken cancellationToken);
}
