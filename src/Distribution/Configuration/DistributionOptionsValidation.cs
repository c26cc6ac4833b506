using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Configuration;

namespace PressPipeline.Distribution;

/// <summary>Unsubscribe links are signed with a real secret, never an empty or unresolved one.</summary>
internal sealed class UnsubscribeOptionsValidation : IValidateOptions<UnsubscribeOptions>
{
    public ValidateOptionsResult Validate(string? name, UnsubscribeOptions options) =>
        Result(SecretSetting.Problem("Unsubscribe:SigningSecret", options.SigningSecret));

    internal static ValidateOptionsResult Result(string? problem) =>
        problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
}

/// <summary>Addresses are hashed with a real key: suppressions are stored under it.</summary>
internal sealed class ContactsOptionsValidation : IValidateOptions<ContactsOptions>
{
    public ValidateOptionsResult Validate(string? name, ContactsOptions options) =>
        UnsubscribeOptionsValidation.Result(SecretSetting.Problem("Contacts:HashKey", options.HashKey));
}

/// <summary>
/// With SendGrid as the transport, its API key must be a real value: an empty or unresolved key would only surface
/// as a 401 on every send. With the outbox (chosen on purpose, <c>Mail:Transport=Outbox</c>) the key is not read.
/// </summary>
internal sealed class SendGridOptionsValidation(IOptions<MailOptions> mail) : IValidateOptions<SendGridOptions>
{
    public ValidateOptionsResult Validate(string? name, SendGridOptions options) =>
        mail.Value.Transport == MailTransport.SendGrid
            ? UnsubscribeOptionsValidation.Result(SecretSetting.Problem("SendGrid:ApiKey", options.ApiKey) is { } problem
                ? $"{problem} Mail:Transport is SendGrid; set Mail:Transport to Outbox only to keep every message in the outbox on purpose."
                : null)
            : ValidateOptionsResult.Success;
}
