using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary><c>GET /api/releases/{id}/report/csv</c>: the delivery report as a spreadsheet, one row per recipient.</summary>
public sealed class ExportDeliveryReport(DeliveryReports reports, StaffSignIn signIn, ILogger<ExportDeliveryReport> logger)
{
    [Function(nameof(ExportDeliveryReport))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "releases/{id}/report/csv")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async _ =>
        {
            var report = await reports.BuildAsync(id, GetDeliveryReport.ShowAddresses(request), null, cancellationToken);
            return ApiResults.Csv(DeliveryReports.ToCsv(report), $"delivery-{report.ReleaseId}.csv");
        });
}
