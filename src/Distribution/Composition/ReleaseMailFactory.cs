using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Contacts;
using SendGrid.Helpers.Mail;

namespace PressPipeline.Distribution.Composition;

/// <summary>Turns the rendered release and the dispatch request into the shared parts of its e-mail.</summary>
public sealed class ReleaseMailFactory(IOptions<MailOptions> options)
{
    /// <summary>Gmail clips HTML bodies above ~102 KB; leave room for the per-recipient substitutions.</summary>
    public const int GmailClipBytes = 100 * 1024;

    /// <summary>How a correction after sending is marked in the subject: "CORRECTED: &lt;subject&gt;".</summary>
    public const string CorrectedPrefix = "CORRECTED: ";

    /// <param name="pdf">PDF bytes when an attachment was asked for; null otherwise.</param>
    /// <param name="problems">Receives a sentence when the PDF is too large to attach.</param>
    public ReleaseMail Create(DispatchRequest request, ReleaseEmailContent content, ReadOnlyMemory<byte>? pdf, ICollection<string> problems)
    {
        var mail = options.Value;
        var texts = MailTexts.For(content.Language);
        var fromName = string.IsNullOrWhiteSpace(mail.FromName) ? content.Organisation : mail.FromName;
        // Public by the time it is sent (publish now, or an immediate release): no EMBARGOED line anywhere.
        var (bodyHtml, bodyText) = request.SendAt < request.PublishAt ? (content.Html, content.Text) : EmbargoBlocks.Remove(content.Html, content.Text);
        var (webPageUrl, pdfUrl) = (content.WebPageUrl ?? request.WebPageUrl, content.PdfUrl ?? request.PdfUrl);
        var html = BodyDecorator.Html(bodyHtml, texts, webPageUrl, pdfUrl, mail.PostalAddress, request.Downloads, request.Correction?.Note);
        if (System.Text.Encoding.UTF8.GetByteCount(html) > GmailClipBytes)
        {
            problems.Add($"The e-mail HTML is {System.Text.Encoding.UTF8.GetByteCount(html) / 1024} KB; Gmail cuts messages over about 100 KB and hides the unsubscribe link, so shorten the release or move tables to the web page.");
        }

        return new ReleaseMail(
            request.ReleaseId,
            new EmailAddress(mail.FromAddress, fromName),
            ReplyTo(content, mail),
            (request.Correction is null ? "" : CorrectedPrefix) + EmbargoLine.Subject(OneLine(content.Headline), request.SendAt, request.PublishAt, request.TimeZoneId, content.Language),
            html,
            BodyDecorator.Text(bodyText, texts, webPageUrl, pdfUrl, mail.PostalAddress, request.Downloads, request.Correction?.Note),
            content.Language,
            CategoryFor(request.ReleaseId),
            Attachment(request, pdf, mail.MaxAttachmentBytes, problems));
    }

    /// <summary>SendGrid categories are at most 255 characters; one per release.</summary>
    public static string CategoryFor(string releaseId)
    {
        var category = $"release-{releaseId}";
        return category.Length <= 255 ? category : category[..255];
    }

    private static EmailAddress? ReplyTo(ReleaseEmailContent content, MailOptions mail)
    {
        if (content.MediaContactEmail is { } contact && EmailAddressRules.IsDeliverable(contact.Trim()))
        {
            return new EmailAddress(contact.Trim());
        }

        return string.IsNullOrWhiteSpace(mail.ReplyTo) ? null : new EmailAddress(mail.ReplyTo.Trim());
    }

    private static Attachment? Attachment(DispatchRequest request, ReadOnlyMemory<byte>? pdf, long maxBytes, ICollection<string> problems)
    {
        if (!request.AttachPdf || pdf is not { Length: > 0 } bytes)
        {
            return null;
        }

        if (bytes.Length > maxBytes)
        {
            problems.Add($"The PDF ({bytes.Length / 1024.0 / 1024.0:0.0} MB) is larger than the {maxBytes / 1024.0 / 1024.0:0.0} MB attachment limit, so it was linked but not attached.");
            return null;
        }

        return new Attachment
        {
            Content = Convert.ToBase64String(bytes.Span),
            Filename = $"{SafeFileName(request.ReleaseId)}.pdf",
            Type = "application/pdf",
            Disposition = "attachment",
        };
    }

    private static string SafeFileName(string releaseId)
    {
        var clean = new string(releaseId.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return clean.Length > 0 ? clean : "press-release";
    }

    private static string OneLine(string headline) =>
        string.Join(' ', headline.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
