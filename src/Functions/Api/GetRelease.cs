using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/releases/{id}</c>: status with history (who, through which door), warnings, times and links to every variant.</summary>
public sealed class GetRelease(ReleaseOperations operations, StaffSignIn signIn, ILogger<GetRelease> logger)
{
    [Function(nameof(GetRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "releases/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
            ApiResults.Json(StatusCodes.Status200OK, await operations.GetAsync(id, cancellationToken)));
}
