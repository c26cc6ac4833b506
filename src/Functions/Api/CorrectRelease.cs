using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/correct</c>, multipart with the corrected .docx in <c>file</c> and, after sending, what
/// changed in <c>note</c>: a new version of the same release replaces the variants (same id, links and schedule); once
/// sent it replaces the newsroom copies and goes to the same recipients as "CORRECTED: …"; 409 while it is being sent.
/// </summary>
public sealed class CorrectRelease(ReleaseOperations operations, StaffSignIn signIn, ILogger<CorrectRelease> logger)
{
    [Function(nameof(CorrectRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/correct")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            if (!request.HasFormContentType)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "Send the corrected release as multipart/form-data with the .docx in the field 'file'.");
            }

            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null || file.Length == 0)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "Attach the corrected Word document (.docx) as the form field 'file'.");
            }

            await using var content = file.OpenReadStream();
            var note = form.TryGetValue("note", out var given) ? given.ToString() : null;
            return ApiResults.Json(StatusCodes.Status200OK, await operations.CorrectAsync(id, content, file.FileName, actor, cancellationToken, note));
        });
}
