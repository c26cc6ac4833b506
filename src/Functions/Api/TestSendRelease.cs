using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/test-send</c> with JSON <c>{"addresses": ["me@example.org"], "language": "ru"}</c> (no
/// addresses for the configured staff addresses; no language for every version): the release marked [TEST], one
/// message per language version, never counted, never in the real send's ledger.
/// </summary>
public sealed class TestSendRelease(ReleaseOperations operations, ILogger<TestSendRelease> logger)
{
    [Function(nameof(TestSendRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "releases/{id}/test-send")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        ApiResults.GuardAsync(logger, async () =>
        {
            var body = await ApiResults.ReadAsync<TestSendBody>(request, """{"addresses": ["me@example.org"], "language": "ru"}""", cancellationToken);
            return ApiResults.Json(StatusCodes.Status200OK, await operations.TestSendAsync(id, body?.Addresses ?? [], StaffActor.From(request), cancellationToken, body?.Language));
        });
}
