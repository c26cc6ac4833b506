using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressPipeline.Functions.Api;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Functions.Files;

/// <summary>
/// <c>GET /api/files/{id}/{exp}.{sig}/{file}</c>: a release's file for the holder of a signed link before the
/// release is public, a permanent redirect (308) to the public newsroom after. Anonymous at the Functions level:
/// the signature is the credential.
/// </summary>
public sealed class SignedFile(SignedFileReader reader)
{
    [Function(nameof(SignedFile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files/{id}/{*path}")] HttpRequest request,
        string id,
        string path,
        CancellationToken cancellationToken)
    {
        var result = await reader.ReadAsync(id, path, cancellationToken);

        // The content type comes from the manifest; browsers must not second-guess it from the bytes.
        request.HttpContext.Response.Headers[ServedContentType.NoSniffHeader] = ServedContentType.NoSniff;
        return result switch
        {
            SignedFileResult.Found found => new FileContentResult(found.Content.ToArray(), found.ContentType),
            SignedFileResult.Moved moved => new RedirectResult(moved.PublicUrl.AbsoluteUri, permanent: true, preserveMethod: true),
            SignedFileResult.Refused { Check: LinkCheck.Expired } refused => ApiResults.Error(StatusCodes.Status410Gone, refused.Message),
            SignedFileResult.Refused refused => ApiResults.Error(StatusCodes.Status403Forbidden, refused.Message),
            _ => ApiResults.Error(StatusCodes.Status403Forbidden, "This link is not valid."),
        };
    }
}
