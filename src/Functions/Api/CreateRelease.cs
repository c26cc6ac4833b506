using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases</c>, multipart: <c>file</c> (the .docx, the main version), optional translations of it as
/// more files in fields named <c>translation</c> (language from the document) or <c>translation-ru</c>,
/// <c>translation-kk</c>… (language named), and optional <c>lists</c>, <c>tags</c>,
/// <c>sendAt</c>, <c>publishAt</c>, <c>zone</c>, <c>attachPdf</c>. 201 with the status; 200 when the same file was
/// uploaded before; 422 when the document is rejected; 400 when lists or times cannot be used; 413 when the file is
/// larger than <see cref="PipelineOptions.MaxUploadBytes"/> (the main document and its translations together); 500 with the Failed sentence when the converter failed
/// for a reason other than the document (posting the same file again converts it again).
/// </summary>
public sealed class CreateRelease(ReleaseOperations operations, ReleaseViews views, UploadLimits limits, StaffSignIn signIn, ILogger<CreateRelease> logger)
{
    [Function(nameof(CreateRelease))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases")] HttpRequest request,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            if (!request.HasFormContentType)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "Send the release as multipart/form-data with the .docx in the field 'file'.");
            }

            // 413 (a TooLarge problem) before the body is read when it says it is too large, while it is read when not.
            var form = await UploadBody.ReadFormAsync(request, limits.Document, cancellationToken);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault(f => !IsTranslation(f));
            if (file is null || file.Length == 0)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "Attach the Word document (.docx) as the form field 'file'.");
            }

            string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
            var instructions = new ReleaseInstructions(
                ReleaseInstructions.SplitList(Field("lists")),
                ReleaseInstructions.SplitList(Field("tags")),
                Field("sendAt"),
                Field("publishAt"),
                Field("zone"),
                bool.TryParse(Field("attachPdf"), out var attach) && attach);

            // The form's files are windows on one buffered body, and a window read after another one was opened finds
            // the body moved ("The inner stream position has changed unexpectedly"): each translation is copied out
            // before the next is opened, and the main document is opened last. The form limit bounds the copies.
            var translations = new List<VersionUpload>();
            foreach (var given in form.Files.Where(IsTranslation))
            {
                var copy = new MemoryStream();
                await using (var window = given.OpenReadStream())
                {
                    await window.CopyToAsync(copy, cancellationToken);
                }

                copy.Position = 0;
                translations.Add(new VersionUpload(given.FileName, copy, LanguageOf(given)));
            }

            await using var content = file.OpenReadStream();
            IntakeResult result;
            try
            {
                result = await operations.UploadAsync(content, file.FileName, instructions, actor, cancellationToken, translations);
            }
            finally
            {
                foreach (var translation in translations)
                {
                    await translation.Content.DisposeAsync();
                }
            }
            if (result.Status.State == ReleaseState.Rejected)
            {
                return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, result.Status.Reasons.FirstOrDefault() ?? "The document was rejected.", result.ReleaseId);
            }

            if (result.Status.State == ReleaseState.Failed)
            {
                return ApiResults.Error(StatusCodes.Status500InternalServerError, result.Status.Reasons.FirstOrDefault() ?? ReleaseIntake.FailedSentence(result.ReleaseId), result.ReleaseId);
            }

            if (result.InstructionProblem is { } problem)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"The release was converted as {result.ReleaseId} but not scheduled: {problem}", result.ReleaseId);
            }

            return ApiResults.Json(result.AlreadyKnown ? StatusCodes.Status200OK : StatusCodes.Status201Created, views.Of(result.Status));
        });

    private static bool IsTranslation(IFormFile file) => file.Name.StartsWith(TranslationField, StringComparison.OrdinalIgnoreCase);

    /// <summary>"translation-ru" names Russian; "translation" leaves the language to the document.</summary>
    private static string? LanguageOf(IFormFile file) =>
        file.Name.Length > TranslationField.Length + 1 ? file.Name[(TranslationField.Length + 1)..] : null;

    private const string TranslationField = "translation";
}
