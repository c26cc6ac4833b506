using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/suppressions/csv</c>: the suppression list as a spreadsheet (contact ids, reasons, who, when).</summary>
public sealed class ExportSuppressions(SuppressionOperations suppressions, StaffSignIn signIn, ILogger<ExportSuppressions> logger)
{
    [Function(nameof(ExportSuppressions))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "suppressions/csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
            ApiResults.Csv(SuppressionOperations.ToCsv(await suppressions.ListAsync(null, cancellationToken)), "suppressions.csv"));
}
