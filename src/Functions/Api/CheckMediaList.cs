using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>POST /api/lists/{name}/check</c> with the CSV as the body: the validation report (row numbers), nothing stored.</summary>
public sealed class CheckMediaList(StaffSignIn signIn, ILogger<CheckMediaList> logger)
{
    [Function(nameof(CheckMediaList))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "lists/{name}/check")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
            ApiResults.Json(StatusCodes.Status200OK, MediaListOperations.Check(name, await ApiResults.BodyAsync(request, MediaListOperations.MaxBytes, cancellationToken))));
}
