using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>GET /api/suppressions</c>: every entry (contact id, reason, when, who added it; addresses are not stored), or with
/// <c>?email=</c> the entry for that address (an empty list when it is not suppressed).
/// </summary>
public sealed class ListSuppressions(SuppressionOperations suppressions, StaffSignIn signIn, ILogger<ListSuppressions> logger)
{
    [Function(nameof(ListSuppressions))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "suppressions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
        {
            IReadOnlyList<Suppression> entries = request.Query["email"].ToString() is { Length: > 0 } email
                ? await suppressions.FindAsync(email, cancellationToken) is { } found ? [found] : []
                : await suppressions.ListAsync(null, cancellationToken);
            return ApiResults.Json(StatusCodes.Status200OK, entries);
        });
}
