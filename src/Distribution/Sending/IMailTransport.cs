using SendGrid.Helpers.Mail;

namespace PressPipeline.Distribution.Sending;

/// <summary>Delivers one composed batch: SendGrid when a key is configured, the outbox otherwise.</summary>
public interface IMailTransport
{
    /// <summary>True when <see cref="ValidateAsync"/> asks the provider (SendGrid sandbox mode) rather than doing nothing.</summary>
    bool CanValidate { get; }

    Task<SendOutcome> SendAsync(string releaseId, string batchId, SendGridMessage message, CancellationToken cancellationToken);

    /// <summary>Validates a batch without delivering it (SendGrid's <c>mail_settings.sandbox_mode</c>).</summary>
    Task<SendOutcome> ValidateAsync(SendGridMessage sandboxMessage, CancellationToken cancellationToken);
}
