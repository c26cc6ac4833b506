using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/translations</c>, multipart with the translated .docx in <c>file</c> and an optional
/// <c>language</c> ("ru", "kk"; default: the document's own): the release gets (or replaces) that language version,
/// with the same id, status, send and publish time; 400 when its language cannot be told; 409 once sending started; 413 past
/// <c>Pipeline:MaxUploadBytes</c>.
/// </summary>
public sealed class TranslateRelease(ReleaseOperations operations, UploadLimits limits, ReleaseViews views, StaffSignIn signIn, ILogger<TranslateRelease> logger)
{
    [Function(nameof(TranslateRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/translations")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            var (form, refusal) = await DocxForm.ReadAsync(request, limits.Document, "translated", cancellationToken);
            if (form is null)
            {
                return refusal!;
            }

            await using var content = form.File.OpenReadStream();
            var result = await operations.TranslateAsync(id, content, form.File.FileName, form.Field("language"), actor, cancellationToken);
            return ApiResults.Json(StatusCodes.Status200OK, views.Of(result.Status));
        });
}
