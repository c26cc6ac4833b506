using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/lists</c>: every media list with its size, contact count and who stored it.</summary>
public sealed class ListMediaLists(MediaListOperations lists, StaffSignIn signIn, ILogger<ListMediaLists> logger)
{
    [Function(nameof(ListMediaLists))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "lists")] HttpRequest request,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
            ApiResults.Json(StatusCodes.Status200OK, await lists.ListAsync(cancellationToken)));
}
