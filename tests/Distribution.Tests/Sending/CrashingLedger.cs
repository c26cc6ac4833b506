using PressPipeline.Distribution.Sending;

namespace PressPipeline.Distribution.Tests.Sending;

/// <summary>Where the injected crash happens, relative to one batch's request.</summary>
public enum CrashPoint
{
    /// <summary>Before the batch is claimed: nothing was sent, the row is still Pending.</summary>
    BeforeClaim,

    /// <summary>After the batch is marked Sending, before the request: nothing was sent, but the ledger cannot know.</summary>
    AfterClaimBeforeSend,

    /// <summary>After SendGrid accepted the batch, before the ledger records it: the worst case.</summary>
    AfterSendBeforeLedgerWrite,
}

/// <summary>The real ledger with a process crash injected at one point of the <c>crashAtBatch</c>-th batch this process sends.</summary>
public sealed class CrashingLedger(IBatchLedger inner, CrashPoint point, int crashAtBatch) : IBatchLedger
{
    private int _claims;

    public Task<IReadOnlyList<LedgerEntry>> ListAsync(string releaseId, CancellationToken cancellationToken) => inner.ListAsync(releaseId, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> PlanAsync(string releaseId, IReadOnlyCollection<string> contactIds, int batchSize, CancellationToken cancellationToken) =>
        inner.PlanAsync(releaseId, contactIds, batchSize, cancellationToken);

    public async Task<LedgerEntry?> TryClaimAsync(LedgerEntry entry, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        if (++_claims == crashAtBatch && point == CrashPoint.BeforeClaim)
        {
            throw new SimulatedCrashException();
        }

        var claimed = await inner.TryClaimAsync(entry, members, cancellationToken);
        return _claims == crashAtBatch && point == CrashPoint.AfterClaimBeforeSend ? throw new SimulatedCrashException() : claimed;
    }

    public Task<LedgerEntry> RecordAsync(LedgerEntry claimed, BatchState state, string? messageId, string? reason, CancellationToken cancellationToken) =>
        _claims == crashAtBatch && point == CrashPoint.AfterSendBeforeLedgerWrite
            ? throw new SimulatedCrashException()
            : inner.RecordAsync(claimed, state, messageId, reason, cancellationToken);

    public Task<bool> AllowResendAsync(string releaseId, string batchId, string reason, CancellationToken cancellationToken) =>
        inner.AllowResendAsync(releaseId, batchId, reason, cancellationToken);

    public Task<bool> MarkAcceptedAsync(string releaseId, string batchId, string reason, CancellationToken cancellationToken) =>
        inner.MarkAcceptedAsync(releaseId, batchId, reason, cancellationToken);
}

#pragma warning disable CA1032 // A test-only signal, never constructed with a message.
public sealed class SimulatedCrashException() : Exception("simulated process crash");
#pragma warning restore CA1032
