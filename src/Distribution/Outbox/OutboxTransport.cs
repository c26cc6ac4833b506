using System.Text;
using Microsoft.Extensions.Logging;
using PressPipeline.Distribution.Composition;
using PressPipeline.Distribution.Sending;
using SendGrid.Helpers.Mail;

namespace PressPipeline.Distribution.Outbox;

/// <summary>
/// The transport without a SendGrid key: per batch, the exact JSON SendGrid would have received
/// (<c>{release}/{batch}.sendgrid.json</c>) and one .eml per recipient (<c>{release}/{batch}/{contact}.eml</c>).
/// </summary>
public sealed class OutboxTransport(IOutbox outbox, TimeProvider time, ILogger<OutboxTransport> logger) : IMailTransport
{
    public bool CanValidate => false;

    public async Task<SendOutcome> SendAsync(string releaseId, string batchId, SendGridMessage message, CancellationToken cancellationToken)
    {
        var folder = SafeSegment(releaseId);
        await outbox.WriteAsync($"{folder}/{batchId}.sendgrid.json", Encoding.UTF8.GetBytes(message.Serialize()), cancellationToken);
        foreach (var personalization in message.Personalizations)
        {
            var contactId = personalization.CustomArgs?.GetValueOrDefault(BatchComposer.ContactIdArg) ?? Guid.NewGuid().ToString("N");
            using var eml = new MemoryStream();
            await EmlBuilder.Build(message, personalization, time.GetUtcNow()).WriteToAsync(eml, cancellationToken);
            await outbox.WriteAsync($"{folder}/{batchId}/{contactId}.eml", eml.GetBuffer().AsMemory(0, (int)eml.Length), cancellationToken);
        }

        logger.LogInformation("No SendGrid key: batch {Batch} of release {Release} ({Count} messages) written to the outbox at {Location}.",
            batchId, releaseId, message.Personalizations.Count, outbox.Location);
        return new SendOutcome.Accepted($"outbox-{batchId}");
    }

    public Task<SendOutcome> ValidateAsync(SendGridMessage sandboxMessage, CancellationToken cancellationToken) =>
        Task.FromResult<SendOutcome>(new SendOutcome.Accepted(null));

    private static string SafeSegment(string value)
    {
        var clean = new string(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return clean.Length > 0 ? clean : "release";
    }
}
