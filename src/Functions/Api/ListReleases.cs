using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/releases?count=50</c>: the most recently changed releases, newest first, with times, lists and counts.</summary>
public sealed class ListReleases(ReleaseOperations operations, ILogger<ListReleases> logger)
{
    [Function(nameof(ListReleases))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "releases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResults.GuardAsync(logger, async () =>
        {
            var count = int.TryParse(request.Query["count"], out var asked) ? asked : 50;
            return ApiResults.Json(StatusCodes.Status200OK, await operations.ListAsync(count, cancellationToken));
        });
}
