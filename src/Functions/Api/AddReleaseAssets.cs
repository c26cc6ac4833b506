using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// <c>POST /api/releases/{id}/assets</c>, multipart with one or more files (any field names): the files go with the
/// release (PDF, JPEG/PNG photos, Word, Excel, CSV, ZIP). 200 with what was added and one sentence per file that
/// was refused (a refused file never stops the others); 413 when the request is larger than a release's files may
/// be together (<c>Assets:MaxReleaseBytes</c>), whether or not it says its length; 409 once sending started.
/// </summary>
public sealed class AddReleaseAssets(ReleaseAssets assets, UploadLimits limits, StaffSignIn signIn, ILogger<AddReleaseAssets> logger)
{
    [Function(nameof(AddReleaseAssets))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "releases/{id}/assets")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        StaffApi.RunAsync(signIn, request, logger, async actor =>
        {
            if (!request.HasFormContentType)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "Send the files as multipart/form-data, one form field per file.");
            }

            var form = await UploadBody.ReadFormAsync(request, limits.Files, cancellationToken);
            if (form.Files.Count == 0)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "Attach at least one file (PDF, JPEG or PNG photo, Word, Excel, CSV or ZIP).");
            }

            var uploads = new List<AssetUpload>(form.Files.Count);
            foreach (var file in form.Files)
            {
                await using var stream = file.OpenReadStream();
                uploads.Add(new AssetUpload(file.FileName, await BinaryData.FromStreamAsync(stream, cancellationToken)));
            }

            var report = await assets.AddAsync(ReleaseId.Require(id), uploads, actor, cancellationToken);
            return ApiResults.Json(StatusCodes.Status200OK, report);
        });
}
