using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressPipeline.Distribution.Tracking;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Distribution;

/// <summary>
/// SendGrid Event Webhook: POST /api/sendgrid/events. The signature covers the raw body, so the body is read
/// as bytes, never model-bound. Anonymous: the ECDSA signature is the authorisation.
/// </summary>
public sealed class SendGridEventsFunction(EventWebhookReceiver receiver)
{
    // SendGrid batches events (up to a few MB); anything far larger is not SendGrid.
    internal const long MaxBodyBytes = 16L * 1024 * 1024;

    [Function("SendGridEvents")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sendgrid/events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // Anonymous and unsigned until read: a body past the limit is refused by its Content-Length, or, when it is
        // chunked and says no length, once the limit is read, never held whole in memory.
        BinaryData body;
        try
        {
            body = await UploadBody.ReadAsync(request, new UploadLimit(UploadKind.Form, MaxBodyBytes), cancellationToken);
        }
        catch (ReleaseProblemException e) when (e.Kind == ProblemKind.TooLarge)
        {
            return new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }

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
