namespace PressPipeline.Pipeline.Status;

/// <summary>The lifecycle of a release (brief §2).</summary>
public enum ReleaseState
{
    Received,
    Converted,
    Rejected,
    Scheduled,
    Sending,
    Sent,
    PartlySent,
    Cancelled,

    /// <summary>
    /// The converter failed for a reason other than the document (out of memory, a bug): unlike Rejected, the same
    /// bytes are converted again when uploaded again or when the upload trigger retries.
    /// </summary>
    Failed,
}

/// <summary>Which moves are allowed. Everything else is a conflict with a sentence saying why.</summary>
public static class ReleaseStates
{
    public static bool CanMove(ReleaseState from, ReleaseState to) => (from, to) switch
    {
        (ReleaseState.Received, ReleaseState.Converted or ReleaseState.Rejected or ReleaseState.Failed) => true,

        // A failure that is not the document's fault is tried again (re-upload or trigger retry).
        (ReleaseState.Failed, ReleaseState.Converted or ReleaseState.Rejected or ReleaseState.Failed) => true,
        (ReleaseState.Converted, ReleaseState.Scheduled or ReleaseState.Cancelled) => true,

        // Rescheduling keeps the state; cancel works until sending starts.
        (ReleaseState.Scheduled, ReleaseState.Scheduled or ReleaseState.Sending or ReleaseState.Cancelled) => true,
        (ReleaseState.Cancelled, ReleaseState.Scheduled) => true,
        (ReleaseState.Sending, ReleaseState.Sent or ReleaseState.PartlySent) => true,

        // Staff resume a partly sent release (ReleaseRecovery): the distributor never re-sends an accepted or held batch.
        (ReleaseState.PartlySent, ReleaseState.Sending) => true,
        _ => false,
    };

    /// <summary>True while the bytes still wait to be converted: first received, or failed and to be tried again.</summary>
    public static bool AwaitsConversion(this ReleaseState state) =>
        state is ReleaseState.Received or ReleaseState.Failed;

    /// <summary>Converted and not yet going out: versions can still be added.</summary>
    public static bool IsConvertedNotSending(this ReleaseState state) =>
        state is ReleaseState.Converted or ReleaseState.Scheduled;

    /// <summary>True once e-mail has started going out: no cancel, no reschedule.</summary>
    public static bool HasStartedSending(this ReleaseState state) =>
        state is ReleaseState.Sending or ReleaseState.Sent or ReleaseState.PartlySent;
}
