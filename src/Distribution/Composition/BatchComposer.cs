using System.Net;
using PressPipeline.Distribution.Unsubscribe;
using SendGrid.Helpers.Mail;

namespace PressPipeline.Distribution.Composition;

/// <summary>
/// One SendGrid request for one batch: the shared body once, and one personalization per recipient so
/// nobody sees anyone else — each with its own greeting, one-click unsubscribe headers and contact id.
/// </summary>
public sealed class BatchComposer(UnsubscribeTokens tokens)
{
    public const string ReleaseIdArg = "release_id";
    public const string BatchIdArg = "batch_id";
    public const string ContactIdArg = "contact_id";

    /// <summary>The greeting a recipient reads at the top ("Dear Aigerim Sadykova,"), in the release's language.</summary>
    public static string GreetingFor(string language, string? name) => MailTexts.For(language).Greeting(name);

    public SendGridMessage Compose(ReleaseMail mail, string batchId, IReadOnlyList<Recipient> recipients, bool sandbox = false)
    {
        var message = new SendGridMessage
        {
            From = mail.From,
            ReplyTo = mail.ReplyTo,
            Subject = mail.Subject,
            // SendGrid wants text/plain before text/html.
            Contents = [new Content("text/plain", mail.Text), new Content("text/html", mail.Html)],
            Categories = [mail.Category],
            CustomArgs = new Dictionary<string, string> { [ReleaseIdArg] = mail.ReleaseId, [BatchIdArg] = batchId },
            Personalizations = new List<Personalization>(recipients.Count),
        };
        if (mail.Pdf is not null)
        {
            message.Attachments = [mail.Pdf];
        }

        if (sandbox)
        {
            message.MailSettings = new MailSettings { SandboxMode = new SandboxMode { Enable = true } };
        }

        foreach (var recipient in recipients)
        {
            var unsubscribe = tokens.LinkFor(new UnsubscribeSubject(recipient.ContactId, mail.ReleaseId));
            var name = string.IsNullOrWhiteSpace(recipient.Name) ? null : recipient.Name.Trim();
            var greeting = GreetingFor(mail.Language, name);
            message.Personalizations.Add(new Personalization
            {
                Tos = [new EmailAddress(recipient.Email, name)],
                Substitutions = new Dictionary<string, string>
                {
                    [Substitutions.GreetingHtml] = WebUtility.HtmlEncode(greeting),
                    [Substitutions.GreetingText] = greeting,
                    [Substitutions.UnsubscribeUrl] = unsubscribe,
                },
                Headers = new Dictionary<string, string>
                {
                    ["List-Unsubscribe"] = $"<{unsubscribe}>",
                    ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                },
                CustomArgs = new Dictionary<string, string> { [ContactIdArg] = recipient.ContactId },
            });
        }

        return message;
    }
}
