using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>POST /api/lists/{name}/check</c> with the CSV as the body: the validation report (row numbers), nothing stored; 413 past <c>Pipeline:MaxListBytes</c>.</summary>
public sealed class CheckMediaList(UploadLimits limits, StaffSignIn signIn, ILogger<CheckMediaList> logger)
{
    [Function(nameof(CheckMediaList))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "lists/{name}/check")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
            ApiResults.Json(StatusCodes.Status200OK, MediaListOperations.Check(name, await UploadBody.ReadAsync(request, limits.List, cancellationToken))));
}
