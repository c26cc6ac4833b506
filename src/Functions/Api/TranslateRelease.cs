using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/translations</c>, multipart with the translated .docx in <c>file</c> and an optional
/// <c>language</c> ("ru", "kk"; default: the document's own): the release gets (or replaces) that language version,
/// with the same id, status, send and publish time; 400 when its language cannot be told; 409 once sending started.
/// </summary>
public sealed class TranslateRelease(ReleaseOperations operations, ReleaseViews views, StaffSignIn signIn, ILogger<TranslateRelease> logger)
{
    [Function(nameof(TranslateRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/translations")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            if (!request.HasFormContentType)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "Send the translation as multipart/form-data with the .docx in the field 'file'.");
            }

            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            if (file is null || file.Length == 0)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "Attach the translated Word document (.docx) as the form field 'file'.");
            }

            var language = form.TryGetValue("language", out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
            await using var content = file.OpenReadStream();
            var result = await operations.TranslateAsync(id, content, file.FileName, language, actor, cancellationToken);
            return ApiResults.Json(StatusCodes.Status200OK, views.Of(result.Status));
        });
}
