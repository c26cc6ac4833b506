using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/correct</c>, multipart with the corrected .docx in <c>file</c> and, after sending, what
/// changed in <c>note</c>: a new version of the same release replaces the variants (same id, links and schedule); once
/// sent it replaces the newsroom copies and goes to the same recipients as "CORRECTED: …"; 409 while it is being sent; 413 past
/// <c>Pipeline:MaxUploadBytes</c>.
/// </summary>
public sealed class CorrectRelease(ReleaseOperations operations, UploadLimits limits, StaffSignIn signIn, ILogger<CorrectRelease> logger)
{
    [Function(nameof(CorrectRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/correct")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            var (form, refusal) = await DocxForm.ReadAsync(request, limits.Document, "corrected", cancellationToken);
            if (form is null)
            {
                return refusal!;
            }

            await using var content = form.File.OpenReadStream();
            var note = form.Fields.TryGetValue("note", out var given) ? given.ToString() : null;
            return ApiResults.Json(StatusCodes.Status200OK, await operations.CorrectAsync(id, content, form.File.FileName, actor, cancellationToken, note));
        });
}
