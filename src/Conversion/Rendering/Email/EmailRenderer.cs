using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Html;
using PressPipeline.Conversion.Rendering.Liquid;
using PressPipeline.Conversion.Results;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering.Email;

/// <summary>
/// The e-mail body (email.html): 600 px layout tables marked role="presentation", the release text in the
/// body (attachments are often stripped), an embargo banner when embargoed, images by absolute URL and links
/// to the web page and the PDF. CSS from "styles/email.css" is inlined with PreMailer.Net; only the media
/// queries stay in a style block. Kept well under Gmail's ~102 KB clipping limit.
/// </summary>
/// <remarks>
/// The footer with the unsubscribe link and the sender's postal address is deliberately not here: it differs
/// per recipient and per sender, so distribution appends it when composing each message. This file holds
/// only what is the same for every journalist.
/// </remarks>
public sealed class EmailRenderer(TemplateLibrary templates) : IVariantRenderer
{
    public const string FileName = "email.html";

    /// <summary>Gmail clips HTML bodies over about 102 KB, hiding everything after the cut.</summary>
    public const int GmailClipBytes = 102 * 1024;

    public EmailRenderer()
        : this(TemplateLibrary.Embedded)
    {
    }

    private const string TemplateName = "email/email.liquid";

    public string Variant => "email";

    /// <summary>The page plus its CSS inlining: about twice the text.</summary>
    public int RelativeCost => 2;

    public void Prepare()
    {
        LiquidTemplates.Prepare(templates, TemplateName);
        CssInliner.Prepare();
    }

    public Result<RenderedFile> Render(PressRelease release, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(context);
        var warnings = new List<ConversionWarning>();
        var bytes = CssInliner.Inline(Compose(release, context, warnings));
        if (bytes.Length > GmailClipBytes)
        {
            warnings.Add(new ConversionWarning(
                "email.too-large",
                $"The e-mail version is {bytes.Length / 1024} KB; Gmail cuts messages over 102 KB, so shorten the release or move tables into the PDF.")
            {
                Location = WarningLocation.Document,
            });
        }

        return new Result<RenderedFile>(new RenderedFile(Variant, FileName, "text/html; charset=utf-8", bytes), warnings);
    }

    /// <summary>The page with its style sheet still in the head, before the CSS is inlined.</summary>
    internal string Compose(PressRelease release, RenderContext context, List<ConversionWarning> warnings)
    {
        var view = ReleaseView.Of(release, context, templates);
        var imageBase = SafeUrl.IsAllowed(context.ImageBaseUrl) ? context.ImageBaseUrl : null;
        var body = new HtmlBodyWriter(
            release,
            new HtmlBodyOptions(Variant, image => ImageSource(imageBase, image), release.Metadata.Direction, view.HeadingOffset),
            warnings);

        var sections = view.Sections.Select(s => new Dictionary<string, object?>
        {
            ["heading"] = view.SectionHeading(s.Key, s.Section),
            ["html"] = body.Write(s.Section.Blocks),
        }).ToList();
        var values = new Dictionary<string, object?>
        {
            ["lang"] = view.Language,
            ["dir"] = view.Direction,
            ["title"] = view.Title,
            ["document_title"] = view.DocumentTitle,
            ["subtitle"] = view.Subtitle,
            ["preheader"] = view.EmbargoLine ?? view.Subtitle,
            ["embargo_line"] = view.EmbargoLine,
            ["release_line"] = view.EmbargoLine is null ? view.ReleaseLine : null,
            ["dateline"] = view.Dateline,
            ["end_mark"] = view.EndMark,
            ["letterhead_html"] = release.Metadata.Letterhead.Count == 0 ? null : body.Write(release.Metadata.Letterhead),
            ["body_html"] = body.Write(release.Body),
            ["sections"] = sections,
            ["notes_html"] = body.WriteNotes(release.Notes, view.Labels),
            ["web_url"] = SafeUrl.Format(context.WebPageUrl),
            ["versions"] = LanguageNames.TemplateValues(context),
            ["read_in"] = view.Labels["read_in"],
            ["pdf_url"] = SafeUrl.Format(context.PdfUrl) ?? "release.pdf",
            ["labels"] = view.Labels,
            ["css"] = templates.Read("styles/email.css"),
        };

        return LiquidTemplates.RenderHtml(templates, TemplateName, values);
    }

    /// <summary>Absolute when the release folder's URL is known; relative (for a local preview) otherwise.</summary>
    private static string ImageSource(Uri? imageBase, ImageResource image)
    {
        var relative = "images/" + Uri.EscapeDataString(image.FileName);
        return imageBase is null ? relative : ReleaseUrls.Resolve(imageBase, relative).AbsoluteUri;
    }
}
