using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/releases?count=50</c>: the most recently changed releases, newest first.</summary>
public sealed class ListReleases(ReleaseStatusStore statuses, ILogger<ListReleases> logger)
{
    private const int MaxCount = 200;

    [Function(nameof(ListReleases))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "releases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResults.GuardAsync(logger, async () =>
        {
            var count = int.TryParse(request.Query["count"], out var asked) ? Math.Clamp(asked, 1, MaxCount) : 50;
            var recent = await statuses.RecentAsync(count, cancellationToken);
            return ApiResults.Json(StatusCodes.Status200OK, recent.Select(s => new ReleaseSummary(s.Id, s.State, s.Title, s.SourceName, s.History[^1].At)).ToList());
        });

    /// <summary>One line of the list.</summary>
    public sealed record ReleaseSummary(string Id, ReleaseState State, string? Title, string SourceName, DateTimeOffset ChangedAt);
}
