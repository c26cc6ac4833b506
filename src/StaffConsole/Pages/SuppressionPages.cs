using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.StaffConsole.Pages;

/// <summary>
/// The suppression list: who is never mailed (as keyed hashes: the list keeps no addresses), add with a reason,
/// remove, and export — each one call to <see cref="SuppressionOperations"/>.
/// </summary>
public sealed class SuppressionPages(SuppressionOperations suppressions, IOptions<PipelineOptions> pipeline)
{
    /// <summary>The reasons staff may give by hand; the others come from SendGrid's events.</summary>
    private static readonly string[] StaffReasons = [nameof(SuppressionReason.DoNotContact), nameof(SuppressionReason.Unsubscribed), nameof(SuppressionReason.HardBounce), nameof(SuppressionReason.SpamReport)];

    public Task ShowAsync(ConsoleRequest request) => ShowAsync(request, null, StatusCodes.Status200OK);

    public async Task AddAsync(ConsoleRequest request)
    {
        var form = await request.Request.ReadFormAsync(request.Aborted);
        await ActAsync(request, "suppression-added", () => suppressions.AddAsync(
            ConsoleRequest.Field(form, "email") ?? "", ConsoleRequest.Field(form, "reason"), ConsoleRequest.Field(form, "note"), request.Actor, request.Aborted));
    }

    public async Task RemoveAsync(ConsoleRequest request)
    {
        var form = await request.Request.ReadFormAsync(request.Aborted);
        await ActAsync(request, "suppression-removed", () => suppressions.RemoveAsync(ConsoleRequest.Field(form, "email") ?? "", request.Actor, request.Aborted));
    }

    public async Task ExportAsync(ConsoleRequest request) =>
        await request.FileAsync(SuppressionOperations.ToCsv(await suppressions.ListAsync(null, request.Aborted)), "text/csv; charset=utf-8", "suppressions.csv");

    private async Task ActAsync(ConsoleRequest request, string done, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (ReleaseProblemException problem)
        {
            await ShowAsync(request, problem.Message, ReleasePages.StatusCodeOf(problem.Kind));
            return;
        }

        await request.RedirectAsync("/suppressions", done);
    }

    private async Task ShowAsync(ConsoleRequest request, string? error, int status)
    {
        var values = request.Values(request.Label("suppressions_title"), "suppressions");
        values["error"] = error;
        values["done"] = request.Done;
        values["reasons"] = StaffReasons.Select(r => new Dictionary<string, object?> { ["value"] = r, ["label"] = request.Label("reason_" + r.ToLowerInvariant()) }).ToList();
        values["suppressions"] = (await suppressions.ListAsync(null, request.Aborted)).OrderByDescending(s => s.At).Select(s => new Dictionary<string, object?>
        {
            ["contact"] = s.ContactId,
            ["reason"] = request.Label("reason_" + s.Reason.ToString().ToLowerInvariant()),
            ["release"] = s.ReleaseId,
            ["at"] = ConsoleTimes.In(s.At, pipeline.Value.DefaultTimeZone),
            ["by"] = s.AddedBy,
            ["note"] = s.Note,
        }).ToList();
        await request.PageAsync("suppressions", values, status);
    }
}
