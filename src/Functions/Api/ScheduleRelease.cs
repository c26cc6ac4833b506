using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Scheduling;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/schedule</c> with JSON <c>{"lists": ["media"], "sendAt": "2026-12-01T09:00",
/// "publishAt": "…", "zone": "Asia/Almaty"}</c>: schedules or reschedules until sending starts.
/// </summary>
public sealed class ScheduleRelease(ReleaseScheduler scheduler, ReleaseViews views, ILogger<ScheduleRelease> logger)
{
    [Function(nameof(ScheduleRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "releases/{id}/schedule")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        ApiResults.GuardAsync(logger, async () =>
        {
            var releaseId = ReleaseId.Require(id);
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            var instructions = string.IsNullOrWhiteSpace(body) ? ReleaseInstructions.None : ReleaseInstructions.FromSidecar(body);
            return ApiResults.Json(StatusCodes.Status200OK, views.Of(await scheduler.ScheduleAsync(releaseId, instructions, cancellationToken)));
        });
}
