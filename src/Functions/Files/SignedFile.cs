using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressPipeline.Functions.Api;
using PressPipeline.Pipeline.Links;
using PressPipeline.Web;

namespace PressPipeline.Functions.Files;

/// <summary>
/// <c>GET /api/files/{id}/{exp}.{sig}/{file}</c>: a release's file for the holder of a signed link before the
/// release is public, a permanent redirect (308) to the public newsroom after (<see cref="PublicRoutes.SignedFileAsync"/>,
/// which <c>presspipe serve</c> answers with too). Anonymous at the Functions level: the signature is the credential.
/// </summary>
public sealed class SignedFile(SignedFileReader reader)
{
    [Function(nameof(SignedFile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "files/{id}/{*path}")] HttpRequest request,
        string id,
        string path,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await PublicRoutes.SignedFileAsync(reader, request.HttpContext, id, path, cancellationToken));
}
