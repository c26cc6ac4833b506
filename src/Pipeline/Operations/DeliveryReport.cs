using PressPipeline.Distribution;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Operations;

/// <summary>Where one recipient's e-mail is on our side (the ledger): the SendGrid events come on top.</summary>
public enum RecipientSending
{
    /// <summary>On the lists but in no batch yet (not due, or the run stopped before it).</summary>
    NotSent,

    /// <summary>On the suppression list: never mailed.</summary>
    Suppressed,

    Pending,
    Sending,
    Accepted,
    Failed,

    /// <summary>The batch's outcome is unknown: held for staff, never resent automatically.</summary>
    Unknown,
}

/// <summary>
/// One recipient of a release. <see cref="Email"/>, <see cref="Name"/> and <see cref="Outlet"/> come from the
/// current media lists and are only filled for staff doors that ask for addresses; storage holds contact ids only.
/// </summary>
public sealed record RecipientReport(
    string ContactId,
    string? Email,
    string? Name,
    string? Outlet,
    RecipientSending Sending,
    bool Delivered,
    bool Deferred,
    bool Bounced,
    bool Dropped,
    bool Opened,
    bool Clicked,
    bool Unsubscribed,
    bool SpamReported)
{
    /// <summary>The language version the current lists route this recipient to; null when no list names them any more.</summary>
    public string? Language { get; init; }
}

/// <summary>Counts per recipient state (each recipient counted once per column).</summary>
public sealed record ReportCounts(
    int Recipients,
    int Accepted,
    int Delivered,
    int Deferred,
    int Bounced,
    int Dropped,
    int Opened,
    int Clicked,
    int Unsubscribed,
    int SpamReported,
    int Suppressed,
    int NotSent,
    int Unknown,
    int Failed);

/// <summary>The delivery report of a release: the counts staff read first, then every recipient.</summary>
/// <param name="Statistics">The distribution package's own counts (ledger and webhook), for comparison.</param>
public sealed record DeliveryReport(
    string ReleaseId,
    string? Title,
    ReleaseState State,
    IReadOnlyList<string> Lists,
    ReportCounts Counts,
    DeliveryCounts Statistics,
    bool AddressesShown,
    IReadOnlyList<RecipientReport> Recipients)
{
    /// <summary>The same counts per language version, by the language the current lists route each recipient to.</summary>
    public IReadOnlyDictionary<string, ReportCounts> ByLanguage { get; init; } = new Dictionary<string, ReportCounts>();

    /// <summary>Delivery counts over time: per hour (UTC) with any webhook event, oldest first.</summary>
    public IReadOnlyList<TimelineHour> Timeline { get; init; } = [];
}

/// <summary>
/// What the webhook reported in one hour (UTC) of a release's life: recipients newly delivered, opened, clicked and
/// bounced in that hour. The delivery report lists the hours that had any, oldest first.
/// </summary>
public sealed record TimelineHour(DateTimeOffset Hour, int Delivered, int Opened, int Clicked, int Bounced);
