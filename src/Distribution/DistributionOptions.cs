namespace PressPipeline.Distribution;

/// <summary>Where messages go. Chosen by <c>Mail:Transport</c>, never by whether a key happens to be set.</summary>
public enum MailTransport
{
    /// <summary>The SendGrid API; needs <c>SendGrid:ApiKey</c> (the app refuses to start without it).</summary>
    SendGrid,

    /// <summary>The outbox: .eml files and the SendGrid requests that would have been sent (local runs, trials).</summary>
    Outbox,
}

/// <summary>Section <c>Mail</c>: who the e-mail comes from and what every message carries.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>
    /// SendGrid unless set to Outbox on purpose (the CLI, the tests and local.settings.json do): an absent key in
    /// Azure must stop the app at start-up rather than quietly divert every release to the outbox.
    /// </summary>
    public MailTransport Transport { get; set; } = MailTransport.SendGrid;

    public string FromAddress { get; set; } = "press@example.org";

    /// <summary>Sender name; the release's organisation is used when this is empty.</summary>
    public string? FromName { get; set; }

    /// <summary>Reply-to when the release names no media contact.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The sender's postal address, shown in every footer (CAN-SPAM).</summary>
    public string PostalAddress { get; set; } = "";

    /// <summary>Staff addresses for a test send, comma- or semicolon-separated.</summary>
    public string TestRecipients { get; set; } = "";

    /// <summary>A PDF larger than this is linked, not attached.</summary>
    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Folder for the local outbox (CLI and demo); when empty the blob container is used.</summary>
    public string? OutboxFolder { get; set; }

    /// <summary>Blob container for the outbox when <see cref="Transport"/> is Outbox and no folder is set.</summary>
    public string OutboxContainer { get; set; } = "outbox";
}

/// <summary>Section <c>SendGrid</c>: the API, its limits as we use them, the ledger and the event webhook.</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    /// <summary>Secret (Key Vault). Required when <see cref="MailOptions.Transport"/> is SendGrid; the app refuses to start without it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>API host; tests point it at a local endpoint.</summary>
    public string Host { get; set; } = "https://api.sendgrid.com";

    /// <summary>Personalizations per request; SendGrid allows at most 1,000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>One attempt longer than this is abandoned and its outcome is unknown (never retried).</summary>
    public double AttemptTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries for what proves nothing was queued: 429 answers and refused connections (never a 5xx or a timeout).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off delay for a refused connection (and a 429 without X-RateLimit-Reset); doubles with jitter.</summary>
    public double RetryBaseDelaySeconds { get; set; } = 2;

    /// <summary>Longest wait for a rate-limit reset before giving up on the batch for this run.</summary>
    public double MaxRateLimitWaitSeconds { get; set; } = 60;

    /// <summary>Validate the first batch of a run with <c>mail_settings.sandbox_mode</c> before the real send.</summary>
    public bool SandboxCheck { get; set; } = true;

    /// <summary>Secret (Key Vault): the Event Webhook verification key, base64 SubjectPublicKeyInfo as SendGrid shows it.</summary>
    public string? WebhookPublicKey { get; set; }

    /// <summary>Webhook timestamps further than this from now are rejected as replays.</summary>
    public double WebhookToleranceSeconds { get; set; } = 300;

    public string LedgerTable { get; set; } = "sendledger";

    public string EventTable { get; set; } = "sendgridevents";

    public string StatusTable { get; set; } = "recipientstatus";
}

/// <summary>Section <c>Unsubscribe</c>: the one-click link.</summary>
public sealed class UnsubscribeOptions
{
    public const string Section = "Unsubscribe";

    /// <summary>Public address of the unsubscribe function, e.g. https://app.azurewebsites.net/api/unsubscribe.</summary>
    public Uri BaseUrl { get; set; } = new("http://localhost:7071/api/unsubscribe");

    /// <summary>Secret (Key Vault): HMAC key for unsubscribe tokens.</summary>
    public string SigningSecret { get; set; } = "";
}

/// <summary>Section <c>Contacts</c>: media lists and the suppression list.</summary>
public sealed class ContactsOptions
{
    public const string Section = "Contacts";

    /// <summary>Blob container holding <c>{list}.csv</c>.</summary>
    public string Container { get; set; } = "contacts";

    public string SuppressionTable { get; set; } = "suppressions";

    /// <summary>
    /// Secret (Key Vault): key of the hash that stands for an address in keys, custom_args and logs.
    /// Never rotate it casually: suppressions are stored under this hash.
    /// </summary>
    public string HashKey { get; set; } = "";
}
