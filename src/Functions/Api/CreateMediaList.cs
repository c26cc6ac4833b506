using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/lists/{name}</c> with the CSV as the body: checks and stores a new list (201 with the validation
/// report); 409 when the name is taken, 400 when the list cannot be used at all,
/// 413 when it is larger than <c>Pipeline:MaxListBytes</c>.
/// </summary>
public sealed class CreateMediaList(MediaListOperations lists, UploadLimits limits, StaffSignIn signIn, ILogger<CreateMediaList> logger)
{
    [Function(nameof(CreateMediaList))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "lists/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            var csv = await UploadBody.ReadAsync(request, limits.List, cancellationToken);
            return ApiResults.Json(StatusCodes.Status201Created, await lists.UploadAsync(name, csv, replace: false, actor, cancellationToken));
        });
}
