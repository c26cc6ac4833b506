using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/activity?count=100</c>: the operations log, newest first — who did what, through which door.</summary>
public sealed class ListActivity(OperationsLog log, StaffSignIn signIn, ILogger<ListActivity> logger)
{
    private const int MaxCount = 500;

    [Function(nameof(ListActivity))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "activity")] HttpRequest request,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
        {
            var count = int.TryParse(request.Query["count"], out var asked) ? Math.Clamp(asked, 1, MaxCount) : 100;
            return ApiResults.Json(StatusCodes.Status200OK, await log.RecentAsync(count, cancellationToken));
        });
}
