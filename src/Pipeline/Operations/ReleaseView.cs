using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Time;

namespace PressPipeline.Pipeline.Operations;

/// <summary>A release as the doors show it: its status, times in the zone staff used, and links to every variant.</summary>
public sealed record ReleaseView(
    ReleaseStatus Status,
    string? SendAtLocal,
    string? PublishAtLocal,
    IReadOnlyDictionary<string, Uri> Preview,
    IReadOnlyDictionary<string, Uri> Public);

/// <summary>Builds <see cref="ReleaseView"/>s; preview links are signed and short-lived, public ones exist after publishing.</summary>
public sealed class ReleaseViews(SignedLinks links, NewsroomUrls newsroom, TimeProvider time)
{
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromHours(24);

    public ReleaseView Of(ReleaseStatus status)
    {
        var expires = time.GetUtcNow() + PreviewLifetime;
        var preview = status.Files.ToDictionary(f => f.FileName, f => links.Create(status.Id, f.FileName, expires), StringComparer.Ordinal);
        var published = status.PublishedAt is null
            ? new Dictionary<string, Uri>()
            : status.Files.Where(f => f.Variant is "web" or "pdf" or "image").ToDictionary(f => f.FileName, f => newsroom.FileOf(status.Id, f.FileName), StringComparer.Ordinal);
        return new ReleaseView(
            status,
            status.Plan is { } plan ? LocalTimes.ToLocalText(plan.SendAt, plan.TimeZoneId) : null,
            status.Plan is { } p ? LocalTimes.ToLocalText(p.PublishAt, p.TimeZoneId) : null,
            preview,
            published);
    }
}
