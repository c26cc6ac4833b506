using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/releases/{id}/preview</c>: every variant with a signed link for 24 hours, the warnings and the times.</summary>
public sealed class PreviewRelease(ReleaseOperations operations, StaffSignIn signIn, ILogger<PreviewRelease> logger)
{
    [Function(nameof(PreviewRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "releases/{id}/preview")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
            ApiResults.Json(StatusCodes.Status200OK, await operations.PreviewAsync(id, cancellationToken)));
}
