using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/releases?count=50</c>: the most recently changed releases, newest first, with times, lists and counts.</summary>
public sealed class ListReleases(ReleaseOperations operations, StaffSignIn signIn, ILogger<ListReleases> logger)
{
    [Function(nameof(ListReleases))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "releases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
        {
            var count = int.TryParse(request.Query["count"], out var asked) ? asked : 50;
            return ApiResults.Json(StatusCodes.Status200OK, await operations.ListAsync(count, cancellationToken));
        });
}
