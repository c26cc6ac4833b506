using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/test-send</c> with JSON <c>{"addresses": ["me@example.org"], "language": "ru"}</c> (no
/// addresses for the configured staff addresses; no language for every version): the release marked [TEST], one
/// message per language version, never counted, never in the real send's ledger.
/// </summary>
public sealed class TestSendRelease(ReleaseOperations operations, StaffSignIn signIn, ILogger<TestSendRelease> logger)
{
    [Function(nameof(TestSendRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/test-send")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            var body = await ApiResults.ReadAsync<TestSendBody>(request, """{"addresses": ["me@example.org"], "language": "ru"}""", cancellationToken);
            return ApiResults.Json(StatusCodes.Status200OK, await operations.TestSendAsync(id, body?.Addresses ?? [], actor, cancellationToken, body?.Language));
        });
}
