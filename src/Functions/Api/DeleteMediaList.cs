using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>DELETE /api/lists/{name}</c>: removes the list (204); 404 when there is none.</summary>
public sealed class DeleteMediaList(MediaListOperations lists, StaffSignIn signIn, ILogger<DeleteMediaList> logger)
{
    [Function(nameof(DeleteMediaList))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "lists/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            await lists.DeleteAsync(name, actor, cancellationToken);
            return new NoContentResult();
        });
}
