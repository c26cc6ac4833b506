using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Operations;

/// <summary>One line of the release list: enough for a table of releases without opening each one.</summary>
/// <param name="ChangedAt">When the last history line was written.</param>
/// <param name="Held">Why it was held at its send time, if it was.</param>
public sealed record ReleaseSummary(
    string Id,
    ReleaseState State,
    string? Title,
    string SourceName,
    DateTimeOffset ChangedAt,
    DateTimeOffset? SendAt,
    DateTimeOffset? PublishAt,
    string? TimeZoneId,
    IReadOnlyList<string> Lists,
    int Version,
    Actor? UploadedBy,
    Approval? Approval,
    string? Held,
    DistributionSummary? Distribution)
{
    public static ReleaseSummary Of(ReleaseStatus s) => new(
        s.Id,
        s.State,
        s.Title,
        s.SourceName,
        s.History[^1].At,
        s.Plan?.SendAt,
        s.Plan?.PublishAt,
        s.Plan?.TimeZoneId,
        s.Plan?.Lists ?? [],
        s.Version,
        s.UploadedBy,
        s.Approval,
        s.Held,
        s.Distribution);
}
