using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/suppressions</c> with JSON <c>{"email": "…", "reason": "do-not-contact", "note": "…"}</c>: the address
/// is never mailed again (stored as its keyed hash); 201 with the entry.
/// </summary>
public sealed class AddSuppression(SuppressionOperations suppressions, StaffSignIn signIn, ILogger<AddSuppression> logger)
{
    public const string Example = """{"email": "name@example.org", "reason": "do-not-contact", "note": "asked by phone"}""";

    [Function(nameof(AddSuppression))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suppressions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            var body = await ApiResults.ReadAsync<SuppressionBody>(request, Example, cancellationToken);
            return ApiResults.Json(StatusCodes.Status201Created, await suppressions.AddAsync(body?.Email ?? "", body?.Reason, body?.Note, actor, cancellationToken));
        });
}
