using PressPipeline.Templates;

namespace PressPipeline.Distribution.Composition;

/// <summary>
/// The few words we add around the release, in the release's language: read from the shared labels
/// (src/Templates/labels/labels.json, "mail_*"), where a missing word falls back to English.
/// </summary>
internal sealed record MailTexts(
    string GreetingWithName,
    string GreetingWithoutName,
    string ReadOnline,
    string DownloadPdf,
    string WhyYouGetThis,
    string Unsubscribe)
{
    public static MailTexts For(string language)
    {
        var labels = TemplateLibrary.Embedded.Labels(Contacts.ContactListReader.PrimaryLanguage(language) is { Length: > 0 } primary ? primary : "en");
        return new(
            labels["mail_greeting_named"],
            labels["mail_greeting"],
            labels["mail_read_online"],
            labels["mail_download_pdf"],
            labels["mail_why_you_get_this"],
            labels["mail_unsubscribe"]);
    }

    /// <summary>"Dear Jane Doe," / "Здравствуйте, Jane Doe!": the name goes where the label says "{name}".</summary>
    public string Greeting(string? name) =>
        name is null ? GreetingWithoutName : GreetingWithName.Replace("{name}", name, StringComparison.Ordinal);
}
