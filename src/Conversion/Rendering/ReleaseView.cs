using PressPipeline.Conversion.Model;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering;

/// <summary>
/// What every variant shows around the body, decided once: the release line or embargo line, the
/// dateline (only when the reader lifted it out of the first paragraph), the titled sections and the labels.
/// </summary>
internal sealed record ReleaseView(
    string Language,
    string Direction,
    string Title,
    string DocumentTitle,
    string? Subtitle,
    string? EmbargoLine,
    string? ReleaseLine,
    string? Dateline,
    string? EndMark,
    IReadOnlyList<(string Key, Section Section)> Sections,
    IReadOnlyDictionary<string, string> Labels,
    string? Organisation)
{
    public static ReleaseView Of(PressRelease release, RenderContext context, TemplateLibrary templates)
    {
        var metadata = release.Metadata;
        var language = string.IsNullOrWhiteSpace(metadata.Language) ? "en" : metadata.Language;
        var sections = new List<(string, Section)>();
        if (metadata.About is { } about)
        {
            sections.Add(("about", about));
        }

        if (metadata.MediaContacts is { } contacts)
        {
            sections.Add(("media_contacts", contacts));
        }

        if (metadata.NotesToEditors is { } notes)
        {
            sections.Add(("notes_to_editors", notes));
        }

        return new ReleaseView(
            language,
            metadata.Direction == TextDirection.RightToLeft ? "rtl" : "ltr",
            metadata.Title.Trim(),
            string.IsNullOrWhiteSpace(metadata.Title) ? templates.Labels(language)["untitled"] : metadata.Title.Trim(),
            string.IsNullOrWhiteSpace(metadata.Subtitle) ? null : metadata.Subtitle,
            ReleaseLines.Embargo(metadata.Release, language, templates),
            ReleaseLines.Immediate(metadata.Release),
            SeparateDateline(release),
            string.IsNullOrWhiteSpace(metadata.EndMark) ? null : metadata.EndMark,
            sections,
            templates.Labels(language),
            metadata.Organisation ?? context.Organisation);
    }

    /// <summary>
    /// How many levels body headings move down: one when the headline is the page's h1, none when the
    /// document has no headline (its Heading 1 is then the top heading).
    /// </summary>
    public int HeadingOffset => Title.Length == 0 ? 0 : 1;

    /// <summary>The section's heading as the document wrote it, else the label in the release's language.</summary>
    public string SectionHeading(string key, Section section) =>
        string.IsNullOrWhiteSpace(section.Heading) ? Labels[key] : section.Heading;

    /// <summary>Anchor id of a section on the web page.</summary>
    public static string SectionId(string key) => key.Replace('_', '-');

    /// <summary>The dateline to show on its own, or null when a paragraph of the body still opens with it.</summary>
    private static string? SeparateDateline(PressRelease release) =>
        release.Metadata.Dateline is { } dateline && !string.IsNullOrWhiteSpace(dateline.Text) && !BodyOpensWithDateline(release)
            ? dateline.Text
            : null;

    /// <summary>
    /// True when one of the body's opening paragraphs starts with the dateline ("**Astana, May 14, 2014 –** On May
    /// 22nd…"), so every variant prints it there and not a second time on its own. Not only the first paragraph: a
    /// letterhead picture or a pandoc caption may come before it.
    /// </summary>
    internal static bool BodyOpensWithDateline(PressRelease release)
    {
        if (release.Metadata.Dateline is not { } dateline || string.IsNullOrWhiteSpace(dateline.Text))
        {
            return false;
        }

        var text = dateline.Text.Trim();
        return release.Body.Take(OpeningBlocks).OfType<Paragraph>()
            .Any(p => PlainText.Of(p.Content).TrimStart().StartsWith(text, StringComparison.Ordinal));
    }

    /// <summary>As far into the body as the reader looks for the dateline (ReleaseAnatomy).</summary>
    private const int OpeningBlocks = 12;
}
