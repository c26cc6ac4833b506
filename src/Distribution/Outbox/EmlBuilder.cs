using MimeKit;
using PressPipeline.Distribution.Composition;
using SendGrid.Helpers.Mail;

namespace PressPipeline.Distribution.Outbox;

/// <summary>
/// What SendGrid would deliver to one personalization, as a MIME message: substitutions applied, the
/// per-recipient headers (List-Unsubscribe), multipart/alternative text + HTML, the attachment if any.
/// </summary>
public static class EmlBuilder
{
    public static MimeMessage Build(SendGridMessage message, Personalization personalization, DateTimeOffset date)
    {
        var values = personalization.Substitutions;
        var mime = new MimeMessage { Date = date, Subject = Substitutions.Apply(personalization.Subject ?? message.Subject ?? "", values) };
        mime.From.Add(Address(message.From));
        if (message.ReplyTo is not null)
        {
            mime.ReplyTo.Add(Address(message.ReplyTo));
        }

        foreach (var to in personalization.Tos ?? [])
        {
            mime.To.Add(Address(to));
        }

        foreach (var (name, value) in (message.Headers ?? []).Concat(personalization.Headers ?? []))
        {
            mime.Headers.Add(name, value);
        }

        var body = new BodyBuilder
        {
            TextBody = Substitutions.Apply(Content(message, "text/plain"), values),
            HtmlBody = Substitutions.Apply(Content(message, "text/html"), values),
        };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.Filename, Convert.FromBase64String(attachment.Content), ContentType.Parse(attachment.Type ?? "application/octet-stream"));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static MailboxAddress Address(EmailAddress address) => new(address.Name ?? "", address.Email);

    private static string Content(SendGridMessage message, string type) =>
        message.Contents?.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase))?.Value ?? "";
}
