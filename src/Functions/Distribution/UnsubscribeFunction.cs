using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressPipeline.Distribution.Unsubscribe;
using PressPipeline.Functions.Api;
using PressPipeline.Web;

namespace PressPipeline.Functions.Distribution;

/// <summary>
/// RFC 8058 one-click unsubscribe: POST /api/unsubscribe?t=… unsubscribes and answers 200 (no redirect);
/// GET shows a confirm page whose button POSTs (<see cref="PublicRoutes.UnsubscribeAsync"/>, which
/// <c>presspipe serve</c> answers with too). Anonymous: the HMAC token is the authorisation.
/// </summary>
public sealed class UnsubscribeFunction(UnsubscribeService unsubscribe)
{
    [Function("Unsubscribe")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "unsubscribe")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await PublicRoutes.UnsubscribeAsync(unsubscribe, request, cancellationToken));
}
