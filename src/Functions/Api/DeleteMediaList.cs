using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Functions.Api;

/// <summary><c>DELETE /api/lists/{name}</c>: removes the list (204); 404 when there is none.</summary>
public sealed class DeleteMediaList(MediaListOperations lists, ILogger<DeleteMediaList> logger)
{
    [Function(nameof(DeleteMediaList))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "lists/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        ApiResults.GuardAsync(logger, async () =>
        {
            await lists.DeleteAsync(name, StaffActor.From(request), cancellationToken);
            return new NoContentResult();
        });
}
