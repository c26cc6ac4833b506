using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>POST /api/releases/{id}/cancel</c>: stops the send and an unpublished page; 409 once sending started.</summary>
public sealed class CancelRelease(ReleaseOperations operations, StaffSignIn signIn, ILogger<CancelRelease> logger)
{
    [Function(nameof(CancelRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
            ApiResults.Json(StatusCodes.Status200OK, await operations.CancelAsync(id, actor, cancellationToken)));
}
