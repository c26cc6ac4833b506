using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressPipeline.Distribution.Unsubscribe;

namespace PressPipeline.Functions.Distribution;

/// <summary>
/// RFC 8058 one-click unsubscribe: POST /api/unsubscribe?t=… unsubscribes and answers 200 (no redirect);
/// GET shows a confirm page whose button POSTs. Anonymous: the HMAC token is the authorisation.
/// </summary>
public sealed class UnsubscribeFunction(UnsubscribeService unsubscribe)
{
    [Function("Unsubscribe")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "unsubscribe")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var response = await unsubscribe.HandleAsync(request.Method, request.Query["t"].ToString(), cancellationToken);
        return new ContentResult { StatusCode = response.StatusCode, Content = response.Html, ContentType = "text/html; charset=utf-8" };
    }
}
