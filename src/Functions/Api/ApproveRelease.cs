using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>POST /api/releases/{id}/approve</c>: the second person's approval (two-person rule); 409 for the uploader.</summary>
public sealed class ApproveRelease(ReleaseOperations operations, StaffSignIn signIn, ILogger<ApproveRelease> logger)
{
    [Function(nameof(ApproveRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/approve")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
            ApiResults.Json(StatusCodes.Status200OK, await operations.ApproveAsync(id, actor, cancellationToken)));
}
