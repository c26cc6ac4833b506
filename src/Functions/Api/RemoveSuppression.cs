using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Functions.Api;

/// <summary><c>POST /api/suppressions/remove</c> with JSON <c>{"email": "…"}</c>: the address may be mailed again (204); 404 when it was not suppressed.</summary>
public sealed class RemoveSuppression(SuppressionOperations suppressions, ILogger<RemoveSuppression> logger)
{
    [Function(nameof(RemoveSuppression))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suppressions/remove")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResults.GuardAsync(logger, async () =>
        {
            var body = await ApiResults.ReadAsync<SuppressionBody>(request, """{"email": "name@example.org"}""", cancellationToken);
            await suppressions.RemoveAsync(body?.Email ?? "", StaffActor.From(request), cancellationToken);
            return new NoContentResult();
        });
}
