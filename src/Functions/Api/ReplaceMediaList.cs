using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>PUT /api/lists/{name}</c> with the CSV as the body: checks and stores it in place of the list of that name (or as a new one);
/// 413 when it is larger than <c>Pipeline:MaxListBytes</c>.</summary>
public sealed class ReplaceMediaList(MediaListOperations lists, UploadLimits limits, StaffSignIn signIn, ILogger<ReplaceMediaList> logger)
{
    [Function(nameof(ReplaceMediaList))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "lists/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            var csv = await UploadBody.ReadAsync(request, limits.List, cancellationToken);
            return ApiResults.Json(StatusCodes.Status200OK, await lists.UploadAsync(name, csv, replace: true, actor, cancellationToken));
        });
}
