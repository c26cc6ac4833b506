using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Recovery;
using PressPipeline.Pipeline.Releases;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/resume</c>: a PartlySent release goes back to Sending and its send is queued again;
/// only recipients not yet accepted or held are mailed. 409 for a release that is not partly sent.
/// </summary>
public sealed class ResumeRelease(ReleaseRecovery recovery, ReleaseViews views, ILogger<ResumeRelease> logger)
{
    [Function(nameof(ResumeRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "releases/{id}/resume")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        ApiResults.GuardAsync(logger, async () =>
            ApiResults.Json(StatusCodes.Status202Accepted, views.Of(await recovery.ResumeAsync(ReleaseId.Require(id), RecoveryActor.Of(request), cancellationToken))));
}

/// <summary>Who called, for the release's history: App Service Authentication's signed-in user, else "api".</summary>
internal static class RecoveryActor
{
    public static string Of(HttpRequest request) =>
        request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].ToString() is { Length: > 0 } name ? $"{name} (api)" : "a caller of the api";
}
