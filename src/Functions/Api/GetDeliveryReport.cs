using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>GET /api/releases/{id}/report</c>: counts and every recipient's state. Addresses are shown to staff (this is a
/// staff route); <c>?addresses=false</c> gives contact ids only, for sharing.
/// </summary>
public sealed class GetDeliveryReport(DeliveryReports reports, StaffSignIn signIn, ILogger<GetDeliveryReport> logger)
{
    [Function(nameof(GetDeliveryReport))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "releases/{id}/report")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
            ApiResults.Json(StatusCodes.Status200OK, await reports.BuildAsync(id, ShowAddresses(request), null, cancellationToken)));

    internal static bool ShowAddresses(HttpRequest request) =>
        !bool.TryParse(request.Query["addresses"], out var show) || show;
}
