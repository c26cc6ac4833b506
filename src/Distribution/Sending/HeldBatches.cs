using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Tracking;

namespace PressPipeline.Distribution.Sending;

/// <summary>
/// A batch whose outcome is unknown (a timeout, a 5xx, a run that stopped mid-request): never resent automatically.
/// <paramref name="Reported"/> is what SendGrid's event webhook said about its recipients (recipients per event kind:
/// processed, delivered, deferred, bounce, open…), empty when it said nothing (yet).
/// </summary>
public sealed record HeldBatch(string BatchId, BatchState State, int Recipients, string? Reason, DateTimeOffset Since, IReadOnlyDictionary<string, int> Reported)
{
    /// <summary>SendGrid reported at least one event for the batch, so it took the request.</summary>
    public bool SendGridTookIt => Reported.Count > 0;
}

/// <summary>What releasing a held batch did.</summary>
public enum HeldBatchDecision
{
    /// <summary>SendGrid's webhook shows it took the batch: marked Accepted, never sent again.</summary>
    MarkedAccepted,

    /// <summary>No sign SendGrid took it: allowed to be sent by the next run (the release is resumed).</summary>
    AllowedToSend,

    /// <summary>The batch is not held (already accepted, failed, or no such batch).</summary>
    NotHeld,

    /// <summary>A run claimed it so recently that its request may still be in flight.</summary>
    MayStillBeInFlight,
}

public sealed record HeldBatchRelease(HeldBatchDecision Decision, HeldBatch? Batch);

/// <summary>
/// Held batches for staff: listed with what SendGrid reported for them, and released one by one after staff checked.
/// Releasing marks the batch Accepted when the webhook shows SendGrid took it (any event for a member: SendGrid
/// takes a request whole, and each recipient is in one batch only, so sending it again would mail every member a
/// second time), and otherwise lets the next run send it. Silence is not proof of the contrary — events can lag
/// or the webhook may be off — which is why a person confirms in SendGrid's activity first.
/// </summary>
public sealed class HeldBatches(IBatchLedger ledger, RecipientStatusStore status, IOptions<SendGridOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<HeldBatch>> ListAsync(string releaseId, CancellationToken cancellationToken)
    {
        var held = new List<HeldBatch>();
        foreach (var entry in (await ledger.ListAsync(releaseId, cancellationToken)).Where(IsHeld))
        {
            held.Add(await DescribeAsync(entry, cancellationToken));
        }

        return held;
    }

    public async Task<HeldBatchRelease> ReleaseAsync(string releaseId, string batchId, string decidedBy, CancellationToken cancellationToken)
    {
        var entry = (await ledger.ListAsync(releaseId, cancellationToken)).FirstOrDefault(e => e.BatchId == batchId);
        if (entry is null || !IsHeld(entry))
        {
            return new(HeldBatchDecision.NotHeld, null);
        }

        var batch = await DescribeAsync(entry, cancellationToken);
        if (entry.State == BatchState.Sending && time.GetUtcNow() - entry.UpdatedAt < InFlightWindow)
        {
            return new(HeldBatchDecision.MayStillBeInFlight, batch);
        }

        if (batch.SendGridTookIt)
        {
            var accepted = await ledger.MarkAcceptedAsync(releaseId, batchId, $"released by {decidedBy}: SendGrid reported {Describe(batch.Reported)}", cancellationToken);
            return new(accepted ? HeldBatchDecision.MarkedAccepted : HeldBatchDecision.NotHeld, batch);
        }

        var allowed = await ledger.AllowResendAsync(releaseId, batchId, $"released by {decidedBy}: SendGrid reported nothing for it", cancellationToken);
        return new(allowed ? HeldBatchDecision.AllowedToSend : HeldBatchDecision.NotHeld, batch);
    }

    /// <summary>"delivered 980, bounce 3" — or "no events".</summary>
    public static string Describe(IReadOnlyDictionary<string, int> reported) =>
        reported.Count == 0 ? "no events" : string.Join(", ", reported.Select(r => $"{r.Key} {r.Value}"));

    /// <summary>
    /// How long a batch left Sending may still be a live request of a run in progress: every attempt timing out and
    /// every rate-limit wait taken, twice over.
    /// </summary>
    public TimeSpan InFlightWindow
    {
        get
        {
            var o = options.Value;
            return TimeSpan.FromSeconds((o.AttemptTimeoutSeconds + o.MaxRateLimitWaitSeconds) * (Math.Max(0, o.MaxRetries) + 1) * 2);
        }
    }

    private static bool IsHeld(LedgerEntry entry) => entry.State is BatchState.Unknown or BatchState.Sending;

    private async Task<HeldBatch> DescribeAsync(LedgerEntry entry, CancellationToken cancellationToken) =>
        new(entry.BatchId, entry.State, entry.Members.Count, entry.State == BatchState.Sending ? "a run stopped while sending it" : entry.Reason, entry.UpdatedAt,
            await status.ReportedForBatchAsync(entry.ReleaseId, entry.BatchId, cancellationToken));
}
