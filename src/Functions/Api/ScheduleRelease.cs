using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/schedule</c> with JSON <c>{"lists": ["media"], "sendAt": "2026-12-01T09:00",
/// "publishAt": "…", "zone": "Asia/Almaty"}</c>: schedules or reschedules until sending starts.
/// </summary>
public sealed class ScheduleRelease(ReleaseOperations operations, UploadLimits limits, StaffSignIn signIn, ILogger<ScheduleRelease> logger)
{
    [Function(nameof(ScheduleRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/schedule")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            var body = (await UploadBody.ReadAsync(request, limits.Form, cancellationToken)).ToString();
            var instructions = string.IsNullOrWhiteSpace(body) ? ReleaseInstructions.None : ReleaseInstructions.FromSidecar(body);
            return ApiResults.Json(StatusCodes.Status200OK, await operations.ScheduleAsync(id, instructions, actor, cancellationToken));
        });
}
