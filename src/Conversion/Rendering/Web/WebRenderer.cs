using System.Text;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Html;
using PressPipeline.Conversion.Rendering.Liquid;
using PressPipeline.Conversion.Results;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering.Web;

/// <summary>
/// The public web page (index.html): a complete, responsive, accessible HTML5 document through the
/// "web/page.liquid" template, with Open Graph and Twitter meta and schema.org NewsArticle JSON-LD.
/// Images are linked relative to the page ("images/…"), beside which the converter writes them.
/// </summary>
public sealed class WebRenderer(TemplateLibrary templates) : IVariantRenderer
{
    public const string FileName = "index.html";

    public WebRenderer()
        : this(TemplateLibrary.Embedded)
    {
    }

    private const string TemplateName = "web/page.liquid";

    public string Variant => "web";

    public void Prepare() => LiquidTemplates.Prepare(templates, TemplateName);

    public Result<RenderedFile> Render(PressRelease release, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(context);
        var warnings = new List<ConversionWarning>();
        var view = ReleaseView.Of(release, context, templates);
        var body = new HtmlBodyWriter(
            release,
            new HtmlBodyOptions(Variant, image => "images/" + Uri.EscapeDataString(image.FileName), release.Metadata.Direction, view.HeadingOffset),
            warnings);

        var pageUrl = SafeUrl.Format(context.CanonicalUrl ?? context.WebPageUrl);
        var firstImage = FirstImage(release.Body);
        var imageUrl = firstImage is null ? null : AbsoluteImageUrl(release, firstImage, context);
        var description = Description(release, view);
        var sections = view.Sections.Select(s => new Dictionary<string, object?>
        {
            ["id"] = ReleaseView.SectionId(s.Key),
            ["heading"] = view.SectionHeading(s.Key, s.Section),
            ["html"] = body.Write(s.Section.Blocks),
        }).ToList();

        var values = new Dictionary<string, object?>
        {
            ["lang"] = view.Language,
            ["dir"] = view.Direction,
            ["og_locale"] = view.Language.Replace('-', '_'),
            ["title"] = view.Title,
            ["document_title"] = view.DocumentTitle,
            ["subtitle"] = view.Subtitle,
            ["description"] = description,
            ["canonical_url"] = pageUrl,
            ["organisation"] = view.Organisation,
            ["image_url"] = imageUrl,
            ["image_alt"] = firstImage?.AltText,
            ["published_time"] = NewsArticleJsonLd.PublishedAt(release),
            ["embargo_line"] = view.EmbargoLine,
            ["release_line"] = view.ReleaseLine,
            ["dateline"] = view.Dateline,
            ["end_mark"] = view.EndMark,
            ["letterhead_html"] = release.Metadata.Letterhead.Count == 0 ? null : body.Write(release.Metadata.Letterhead),
            ["body_html"] = body.Write(release.Body),
            ["sections"] = sections,
            ["notes_html"] = body.WriteNotes(release.Notes, view.Labels),
            ["pdf_url"] = SafeUrl.Format(context.PdfUrl) ?? "release.pdf",
            ["labels"] = view.Labels,
            ["css"] = templates.Read("styles/web.css"),
            ["versions"] = LanguageNames.TemplateValues(context),
            ["read_in"] = view.Labels["read_in"],
            ["downloads"] = AssetLinks.TemplateValues(context, view.Language, view.Labels, templates),
            ["json_ld"] = NewsArticleJsonLd.Create(release, view, pageUrl, imageUrl, description),
        };

        var html = LiquidTemplates.RenderHtml(templates, TemplateName, values);
        return new Result<RenderedFile>(
            new RenderedFile(Variant, FileName, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html)),
            warnings);
    }

    /// <summary>A summary for search results and link previews: the subtitle, else the opening of the body.</summary>
    private static string? Description(PressRelease release, ReleaseView view)
    {
        var text = view.Subtitle ?? release.Body.OfType<Paragraph>().Select(p => PlainText.Of(p.Content).Trim()).FirstOrDefault(t => t.Length > 0);
        if (text is null)
        {
            return null;
        }

        return text.Length <= 200 ? text : text[..text.LastIndexOf(' ', 199)].TrimEnd(',', ';', ':') + "…";
    }

    private static Image? FirstImage(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var found = block switch
            {
                Paragraph p => p.Content.OfType<Image>().FirstOrDefault(),
                Heading h => h.Content.OfType<Image>().FirstOrDefault(),
                BlockQuote q => FirstImage(q.Blocks),
                ListBlock l => l.Items.Select(i => FirstImage(i.Blocks)).FirstOrDefault(i => i is not null),
                Table t => t.Rows.SelectMany(r => r.Cells).Select(c => FirstImage(c.Blocks)).FirstOrDefault(i => i is not null),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Open Graph needs an absolute image URL; known only when the page's or images' address is.</summary>
    private static string? AbsoluteImageUrl(PressRelease release, Image image, RenderContext context)
    {
        var resource = release.Images.FirstOrDefault(i => i.Id == image.ResourceId);
        var baseUrl = context.ImageBaseUrl ?? context.WebPageUrl;
        if (resource is null || !SafeUrl.IsAllowed(baseUrl))
        {
            return null;
        }

        return SafeUrl.Format(ReleaseUrls.Resolve(baseUrl!, "images/" + Uri.EscapeDataString(resource.FileName)));
    }
}
