namespace PressPipeline.Distribution.Sending;

/// <summary>What one request for one batch came to.</summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>SendGrid queued it (202), or the outbox wrote it.</summary>
    public sealed record Accepted(string? MessageId) : SendOutcome;

    /// <summary>Certainly not taken. <paramref name="StopRun"/> when every later batch would fail the same way.</summary>
    public sealed record Failed(string Reason, bool StopRun) : SendOutcome;

    /// <summary>The request may or may not have been taken (timeout, connection lost mid-request).</summary>
    public sealed record Unknown(string Reason) : SendOutcome;
}
