using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/lists/{name}</c>: the list's CSV exactly as stored.</summary>
public sealed class DownloadMediaList(MediaListOperations lists, StaffSignIn signIn, ILogger<DownloadMediaList> logger)
{
    [Function(nameof(DownloadMediaList))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "lists/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
            ApiResults.Csv((await lists.DownloadAsync(name, cancellationToken)).ToArray(), $"{name}.csv"));
}
