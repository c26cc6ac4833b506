using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.StaffConsole.Pages;

/// <summary>
/// Media lists: the table of lists, upload with the validation report (<see cref="MediaListOperations.Check"/>, row
/// by row), download, replace and delete — each one call to <see cref="MediaListOperations"/>.
/// </summary>
public sealed class ListPages(MediaListOperations lists, UploadLimits limits, IOptions<PipelineOptions> pipeline)
{
    public Task ShowAsync(ConsoleRequest request) => ShowAsync(request, null, null, null, StatusCodes.Status200OK);

    public async Task UploadAsync(ConsoleRequest request)
    {
        var form = await request.Request.ReadFormAsync(request.Aborted);
        var name = ConsoleRequest.Field(form, "name") ?? Path.GetFileNameWithoutExtension(form.Files.GetFile("file")?.FileName ?? "");
        await StoreAsync(request, form, name, replace: ConsoleRequest.Field(form, "replace") is "true" or "on");
    }

    /// <summary>The lists page with <paramref name="error"/> for a form too large to read.</summary>
    public Task RefusedAsync(ConsoleRequest request, string error) => ShowAsync(request, error, null, null, StatusCodes.Status413PayloadTooLarge);

    public async Task ReplaceAsync(ConsoleRequest request, string list) =>
        await StoreAsync(request, await request.Request.ReadFormAsync(request.Aborted), list, replace: true);

    public async Task DeleteAsync(ConsoleRequest request, string list)
    {
        try
        {
            await lists.DeleteAsync(list, request.Actor, request.Aborted);
        }
        catch (ReleaseProblemException problem)
        {
            await ShowAsync(request, problem.Message, null, null, ReleasePages.StatusCodeOf(problem.Kind));
            return;
        }

        await request.RedirectAsync("/lists", "list-deleted");
    }

    public async Task DownloadAsync(ConsoleRequest request, string list) =>
        await request.FileAsync((await lists.DownloadAsync(list, request.Aborted)).ToMemory(), "text/csv; charset=utf-8", $"{list}.csv");

    private async Task StoreAsync(ConsoleRequest request, IFormCollection form, string list, bool replace)
    {
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            await ShowAsync(request, request.Label("list_no_file"), null, list, StatusCodes.Status400BadRequest);
            return;
        }

        if (file.Length > limits.List.Bytes)
        {
            await ShowAsync(request, request.TooLarge(limits.List), null, list, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        BinaryData csv;
        await using (var stream = file.OpenReadStream())
        {
            csv = await BinaryData.FromStreamAsync(stream, request.Aborted);
        }

        ListCheck? check = null;
        try
        {
            // The report row by row first, so staff see every skipped row even when the list is refused.
            check = MediaListOperations.Check(list, csv);
            check = await lists.UploadAsync(list, csv, replace, request.Actor, request.Aborted);
        }
        catch (ReleaseProblemException problem)
        {
            await ShowAsync(request, problem.Message, check, list, ReleasePages.StatusCodeOf(problem.Kind));
            return;
        }

        await ShowAsync(request, null, check, list, StatusCodes.Status200OK);
    }

    private async Task ShowAsync(ConsoleRequest request, string? error, ListCheck? check, string? name, int status)
    {
        var values = request.Values(request.Label("lists_title"), "lists");
        values["error"] = error;
        values["done"] = request.Done;
        values["name"] = name;
        values["lists"] = (await lists.ListAsync(request.Aborted)).Select(l => new Dictionary<string, object?>
        {
            ["name"] = l.Name,
            ["contacts"] = l.Contacts,
            ["updated"] = ConsoleTimes.In(l.UpdatedAt, pipeline.Value.DefaultTimeZone),
            ["updated_by"] = l.UpdatedBy,
            ["kb"] = Math.Max(1, (l.Bytes + 1023) / 1024),
        }).ToList();
        if (check is not null)
        {
            values["check"] = new Dictionary<string, object?>
            {
                ["list"] = check.List,
                ["contacts"] = check.Contacts,
                ["stored"] = check.Stored,
                ["usable"] = check.Usable,
                ["summary"] = check.Stored
                    ? request.Label("list_stored", check.List, check.Contacts, check.Problems.Count)
                    : request.Label("list_checked", check.List, check.Contacts, check.Problems.Count),
                ["problems"] = check.Problems.Select(p => new Dictionary<string, object?> { ["row"] = p.Row, ["message"] = p.Message }).ToList(),
            };
        }

        await request.PageAsync("lists", values, status);
    }
}
