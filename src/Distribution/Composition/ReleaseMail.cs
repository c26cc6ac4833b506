using SendGrid.Helpers.Mail;

namespace PressPipeline.Distribution.Composition;

/// <summary>The parts every message of one release shares, composed once per run.</summary>
/// <param name="Category">One category per release, so SendGrid statistics can be split by release.</param>
public sealed record ReleaseMail(
    string ReleaseId,
    EmailAddress From,
    EmailAddress? ReplyTo,
    string Subject,
    string Html,
    string Text,
    string Language,
    string Category,
    Attachment? Pdf);
