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
    string Unsubscribe,
    string Downloads,
    string SizeInMegabytes,
    string Corrected,
    System.Globalization.CultureInfo Culture)
{
    public static MailTexts For(string language)
    {
        var primary = Contacts.ContactListReader.PrimaryLanguage(language) is { Length: > 0 } tag ? tag : "en";
        var labels = TemplateLibrary.Embedded.Labels(primary);
        return new(
            labels["mail_greeting_named"],
            labels["mail_greeting"],
            labels["mail_read_online"],
            labels["mail_download_pdf"],
            labels["mail_why_you_get_this"],
            labels["mail_unsubscribe"],
            labels["mail_downloads"],
            labels["size_mb"],
            labels["mail_corrected"],
            TemplateLibrary.Embedded.LabelLanguages.Contains(primary) ? Conversion.Rendering.ReleaseLines.Culture(primary) : System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>"(PDF, 1.2 MB)", "(PDF, 1,2 МБ)": type and size, in the release's language's number format, as the web page and text write them.</summary>
    public string TypeAndSize(Distribution.DownloadLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Conversion.Rendering.AssetLinks.TypeAndSize(link.Type, link.Bytes, SizeInMegabytes, Culture);
    }

    /// <summary>"Dear Jane Doe," / "Здравствуйте, Jane Doe!": the name goes where the label says "{name}".</summary>
    public string Greeting(string? name) =>
        name is null ? GreetingWithoutName : GreetingWithName.Replace("{name}", name, StringComparison.Ordinal);
}
