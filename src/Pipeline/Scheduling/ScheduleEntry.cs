using System.Globalization;

namespace PressPipeline.Pipeline.Scheduling;

/// <summary>What falls due: the e-mail send or the public release of the web page and PDF.</summary>
public enum WorkKind
{
    Send,
    Publish,
}

/// <summary>
/// One entry of the schedule index, stored as an empty blob named <c>{yyyyMMddHHmmss}-{kind}-{id}</c> (UTC).
/// Names sort by due time, so the timer lists only what is due and stops at the first future entry.
/// </summary>
public sealed record ScheduleEntry(DateTimeOffset DueAt, WorkKind Kind, string ReleaseId)
{
    private const string TimeFormat = "yyyyMMddHHmmss";

    public string BlobName => $"{DueAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}-{Kind.ToString().ToLowerInvariant()}-{ReleaseId}";

    /// <summary>The name prefix every entry due at or before <paramref name="instant"/> sorts under.</summary>
    public static string KeyOf(DateTimeOffset instant) => instant.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static ScheduleEntry? TryParse(string blobName)
    {
        var parts = blobName.Split('-');
        return parts.Length == 3
            && DateTime.TryParseExact(parts[0], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var due)
            && Enum.TryParse<WorkKind>(parts[1], ignoreCase: true, out var kind)
            ? new ScheduleEntry(new DateTimeOffset(due, TimeSpan.Zero), kind, parts[2])
            : null;
    }

    /// <summary>UTC instants are stored to the second; compare plans at the same precision.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
