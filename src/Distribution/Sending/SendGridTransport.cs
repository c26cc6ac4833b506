using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace PressPipeline.Distribution.Sending;

/// <summary>
/// Posts a batch to /v3/mail/send with the real SendGrid client over our own HttpClient (its resilience
/// handler retries 429 and refused connections only) and turns the answer into an outcome for the ledger:
/// Failed only when SendGrid certainly did not take the batch, Unknown when it may have.
/// </summary>
public sealed class SendGridTransport(IHttpClientFactory httpClients, IOptions<SendGridOptions> options, ILogger<SendGridTransport> logger) : IMailTransport
{
    public const string HttpClientName = "SendGrid";

    public bool CanValidate => true;

    public Task<SendOutcome> SendAsync(string releaseId, string batchId, SendGridMessage message, CancellationToken cancellationToken) =>
        PostAsync(message, batchId, cancellationToken);

    public Task<SendOutcome> ValidateAsync(SendGridMessage sandboxMessage, CancellationToken cancellationToken) =>
        PostAsync(sandboxMessage, "sandbox check", cancellationToken);

    private async Task<SendOutcome> PostAsync(SendGridMessage message, string what, CancellationToken cancellationToken)
    {
        var client = new SendGridClient(httpClients.CreateClient(HttpClientName), new SendGridClientOptions
        {
            ApiKey = options.Value.ApiKey,
            Host = options.Value.Host,
        });

        Response response;
        try
        {
            response = await client.SendEmailAsync(message, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            logger.LogWarning("SendGrid did not answer {Batch} in time; its outcome is unknown.", what);
            return new SendOutcome.Unknown($"SendGrid did not answer within {options.Value.AttemptTimeoutSeconds:0} s, so it may or may not have queued the batch.");
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain })
        {
            return new SendOutcome.Failed($"SendGrid could not be reached ({e.Message}); nothing was sent.", StopRun: true);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("The connection to SendGrid broke during {Batch}; its outcome is unknown.", what);
            return new SendOutcome.Unknown($"The connection to SendGrid broke during the request ({e.Message}).");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.Unknown("The request to SendGrid was abandoned before an answer came.");
        }

        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
        {
            var messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
            return new SendOutcome.Accepted(messageId);
        }

        var detail = await ErrorMessageAsync(response, cancellationToken);
        return status switch
        {
            401 or 403 => new SendOutcome.Failed($"SendGrid refused the API key ({status}: {detail}); check SendGrid:ApiKey.", StopRun: true),
            413 => new SendOutcome.Failed($"SendGrid refused the batch as too large ({detail}).", StopRun: false),
            429 => new SendOutcome.Failed($"SendGrid kept rate-limiting the requests (429); resume the release to send the rest.", StopRun: true),
            >= 500 => new SendOutcome.Unknown($"SendGrid answered {status} ({detail}), which does not say whether it queued the batch."),
            _ => new SendOutcome.Failed($"SendGrid rejected the batch ({status}): {detail}", StopRun: false),
        };
    }

    /// <summary>SendGrid explains a rejection as {"errors":[{"message","field"}]}; staff see those messages.</summary>
    private static async Task<string> ErrorMessageAsync(Response response, CancellationToken cancellationToken)
    {
        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray()
                    .Select(e => (Message: e.TryGetProperty("message", out var m) ? m.GetString() : null, Field: e.TryGetProperty("field", out var f) ? f.GetString() : null))
                    .Where(e => !string.IsNullOrWhiteSpace(e.Message))
                    .Select(e => e.Field is { Length: > 0 } field ? $"{e.Message} (field {field})" : e.Message!);
                return string.Join("; ", messages);
            }
        }
        catch (JsonException)
        {
        }

        return body.Length <= 300 ? body : body[..300];
    }
}
