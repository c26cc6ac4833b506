using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>POST /api/suppressions/remove</c> with JSON <c>{"email": "…"}</c>: the address may be mailed again (204); 404 when it was not suppressed.</summary>
public sealed class RemoveSuppression(SuppressionOperations suppressions, StaffSignIn signIn, ILogger<RemoveSuppression> logger)
{
    [Function(nameof(RemoveSuppression))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppressions/remove")] HttpRequest request,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            var body = await ApiResults.ReadAsync<SuppressionBody>(request, """{"email": "name@example.org"}""", cancellationToken);
            await suppressions.RemoveAsync(body?.Email ?? "", actor, cancellationToken);
            return new NoContentResult();
        });
}
