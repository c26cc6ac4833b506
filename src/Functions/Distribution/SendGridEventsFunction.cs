using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressPipeline.Distribution.Tracking;

namespace PressPipeline.Functions.Distribution;

/// <summary>
/// SendGrid Event Webhook: POST /api/sendgrid/events. The signature covers the raw body, so the body is read
/// as bytes, never model-bound. Anonymous: the ECDSA signature is the authorisation.
/// </summary>
public sealed class SendGridEventsFunction(EventWebhookReceiver receiver)
{
    // SendGrid batches events (up to a few MB); anything far larger is not SendGrid.
    private const long MaxBodyBytes = 16L * 1024 * 1024;

    [Function("SendGridEvents")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sendgrid/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var result = await receiver.ReceiveAsync(
            body.ToArray(),
            request.Headers[EventWebhookReceiver.SignatureHeader].ToString(),
            request.Headers[EventWebhookReceiver.TimestampHeader].ToString(),
            cancellationToken);

        // 2xx tells SendGrid to stop retrying; a refused signature must not be retried either, a bad key config should be.
        return result.Verdict switch
        {
            WebhookVerdict.Processed => new OkResult(),
            WebhookVerdict.BadSignature or WebhookVerdict.Replayed => new StatusCodeResult(StatusCodes.Status403Forbidden),
            WebhookVerdict.BadPayload => new BadRequestResult(),
            _ => new StatusCodeResult(StatusCodes.Status503ServiceUnavailable),
        };
    }
}
