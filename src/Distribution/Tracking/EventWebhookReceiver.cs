using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Composition;
using PressPipeline.Distribution.Configuration;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Storage;
using PressPipeline.Distribution.Suppressions;
using SendGrid.Helpers.EventWebhook;

namespace PressPipeline.Distribution.Tracking;

/// <summary>How a webhook delivery was judged; the function maps it to an HTTP status.</summary>
public enum WebhookVerdict
{
    Processed,
    NotConfigured,
    BadSignature,
    Replayed,
    BadPayload,
}

public sealed record WebhookResult(WebhookVerdict Verdict, int Processed = 0, int Duplicates = 0, int Ignored = 0);

/// <summary>
/// The SendGrid Event Webhook: the ECDSA signature over timestamp + raw body is checked first, then the
/// timestamp against a replay window; each event is applied once (deduplicated on sg_event_id) to the
/// recipient's status, and bounces, spam reports and unsubscribes go to the suppression list.
/// </summary>
public sealed class EventWebhookReceiver(
    IOptions<SendGridOptions> options,
    TableProvider tables,
    RecipientStatusStore status,
    SuppressionList suppressions,
    ContactIdentity identity,
    TimeProvider time,
    ILogger<EventWebhookReceiver> logger)
{
    public const string SignatureHeader = RequestValidator.SIGNATURE_HEADER;
    public const string TimestampHeader = RequestValidator.TIMESTAMP_HEADER;
    private const string DedupePartition = "event";

    public async Task<WebhookResult> ReceiveAsync(byte[] rawBody, string? signature, string? timestamp, CancellationToken cancellationToken)
    {
        var key = options.Value.WebhookPublicKey;
        // The verification key is optional at start-up (it exists only once the webhook is set up in SendGrid), so an
        // unresolved Key Vault reference means "not configured", never a key to check signatures with.
        if (string.IsNullOrWhiteSpace(key) || SecretSetting.IsUnresolvedReference(key))
        {
            logger.LogError("SendGrid:WebhookPublicKey is not configured (or its Key Vault reference is unresolved); event webhook deliveries are refused.");
            return new(WebhookVerdict.NotConfigured);
        }

        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp) || !IsSigned(key, rawBody, signature, timestamp))
        {
            return new(WebhookVerdict.BadSignature);
        }

        if (!long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs((time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalSeconds) > options.Value.WebhookToleranceSeconds)
        {
            return new(WebhookVerdict.Replayed);
        }

        List<JsonElement> events;
        try
        {
            using var json = JsonDocument.Parse(rawBody);
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                return new(WebhookVerdict.BadPayload);
            }

            events = json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
        catch (JsonException)
        {
            return new(WebhookVerdict.BadPayload);
        }

        var dedupe = await tables.GetAsync(options.Value.EventTable, cancellationToken);
        int processed = 0, duplicates = 0, ignored = 0;
        foreach (var item in events)
        {
            var outcome = await ApplyAsync(item, dedupe, cancellationToken);
            _ = outcome switch
            {
                Applied.Yes => processed++,
                Applied.Duplicate => duplicates++,
                _ => ignored++,
            };
        }

        logger.LogInformation("Event webhook: {Processed} events applied, {Duplicates} duplicates, {Ignored} ignored.", processed, duplicates, ignored);
        return new(WebhookVerdict.Processed, processed, duplicates, ignored);
    }

    private enum Applied
    {
        Yes,
        Duplicate,
        Ignored,
    }

    private async Task<Applied> ApplyAsync(JsonElement item, TableClient dedupe, CancellationToken cancellationToken)
    {
        if (item.ValueKind != JsonValueKind.Object || Text(item, "sg_event_id") is not { } eventId || Text(item, "event") is not { } kind)
        {
            return Applied.Ignored;
        }

        var eventKey = TableKeys.Safe(eventId);
        if ((await dedupe.GetEntityIfExistsAsync<TableEntity>(DedupePartition, eventKey, ["RowKey"], cancellationToken)).HasValue)
        {
            return Applied.Duplicate;
        }

        var releaseId = Text(item, BatchComposer.ReleaseIdArg);
        var contactId = Text(item, BatchComposer.ContactIdArg) ?? (Text(item, "email") is { } email ? identity.IdOf(email) : null);
        if (releaseId is not null && contactId is not null && Text(item, BatchComposer.BatchIdArg) is { } batchId)
        {
            // Any event for a batch proves SendGrid queued it: staff see this before releasing a held batch.
            await status.NoteBatchEventAsync(releaseId, contactId, batchId, kind, cancellationToken);
        }

        var (flag, suppression) = Classify(kind, Text(item, "type"));
        if (contactId is null || (flag is null && suppression is null))
        {
            await RememberAsync(dedupe, eventKey, cancellationToken);
            return Applied.Ignored;
        }

        // Apply first, remember second: a failure in between means SendGrid retries, and applying is idempotent.
        if (flag is { } what && releaseId is not null)
        {
            await status.MarkAsync(releaseId, contactId, what, cancellationToken);
        }

        if (suppression is { } reason)
        {
            await suppressions.AddByIdAsync(contactId, reason, releaseId, cancellationToken);
        }

        await RememberAsync(dedupe, eventKey, cancellationToken);
        return Applied.Yes;
    }

    /// <summary>Which status flag and which suppression an event means. A "blocked" bounce is temporary: no suppression.</summary>
    private static (RecipientEvent? Flag, SuppressionReason? Suppression) Classify(string kind, string? bounceType) => kind switch
    {
        "delivered" => (RecipientEvent.Delivered, null),
        "deferred" => (RecipientEvent.Deferred, null),
        // SendGrid dropped it before sending (its own suppression, invalid address): our suppressions come from bounces.
        "dropped" => (RecipientEvent.Dropped, null),
        "open" => (RecipientEvent.Opened, null),
        "click" => (RecipientEvent.Clicked, null),
        "bounce" when string.Equals(bounceType, "blocked", StringComparison.OrdinalIgnoreCase) => (RecipientEvent.Bounced, null),
        "bounce" => (RecipientEvent.Bounced, SuppressionReason.HardBounce),
        "spamreport" => (RecipientEvent.SpamReported, SuppressionReason.SpamReport),
        "unsubscribe" or "group_unsubscribe" => (RecipientEvent.Unsubscribed, SuppressionReason.Unsubscribed),
        _ => (null, null),
    };

    private async Task RememberAsync(TableClient dedupe, string eventKey, CancellationToken cancellationToken)
    {
        try
        {
            await dedupe.AddEntityAsync(new TableEntity(DedupePartition, eventKey) { ["At"] = time.GetUtcNow() }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // A concurrent delivery of the same event remembered it first.
        }
    }

    private static bool IsSigned(string publicKey, byte[] rawBody, string signature, string timestamp)
    {
        try
        {
            var validator = new RequestValidator();
            // The library signs timestamp + payload as a .NET string; decode the raw bytes exactly as received.
            return validator.VerifySignature(validator.ConvertPublicKeyToECDSA(publicKey), Encoding.UTF8.GetString(rawBody), signature, timestamp);
        }
#pragma warning disable CA1031 // Any failure to parse a forged key or signature means "not signed by SendGrid".
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
