using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Functions.Api;

/// <summary><c>POST /api/releases/{id}/approve</c>: the second person's approval (two-person rule); 409 for the uploader.</summary>
public sealed class ApproveRelease(ReleaseOperations operations, ILogger<ApproveRelease> logger)
{
    [Function(nameof(ApproveRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "releases/{id}/approve")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        ApiResults.GuardAsync(logger, async () =>
            ApiResults.Json(StatusCodes.Status200OK, await operations.ApproveAsync(id, StaffActor.From(request), cancellationToken)));
}
