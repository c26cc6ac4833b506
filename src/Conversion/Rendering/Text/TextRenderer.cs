using System.Text;
using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Liquid;
using PressPipeline.Conversion.Results;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering.Text;

/// <summary>
/// The plain-text version (release.txt), also the text/plain part of the e-mail: wrapped at 72 columns,
/// headline underlined, release line and embargo with its zone, links as numbered references listed at
/// the end. Laid out by the "text/release.liquid" template from pre-wrapped pieces.
/// </summary>
public sealed class TextRenderer(TemplateLibrary templates) : IVariantRenderer
{
    public const string FileName = "release.txt";

    public TextRenderer()
        : this(TemplateLibrary.Embedded)
    {
    }

    private const string TemplateName = "text/release.liquid";

    public string Variant => "text";

    public void Prepare() => LiquidTemplates.Prepare(templates, TemplateName);

    public Result<RenderedFile> Render(PressRelease release, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(context);
        var warnings = new List<ConversionWarning>();
        var view = ReleaseView.Of(release, context, templates);
        var writer = new PlainTextWriter(release, view.Labels["image"], warnings);

        var body = writer.Write(release.Body);
        var sections = view.Sections.Select(s => new Dictionary<string, object?>
        {
            ["heading_block"] = PlainTextWriter.Underlined(view.SectionHeading(s.Key, s.Section), '-'),
            ["text"] = writer.Write(s.Section.Blocks),
        }).ToList();
        var notes = writer.Notes(release.Notes, view.Labels);

        var values = new Dictionary<string, object?>
        {
            ["letterhead"] = release.Metadata.Letterhead.Count == 0 ? null : writer.Write(release.Metadata.Letterhead),
            ["embargo_line"] = Optional(view.EmbargoLine),
            ["release_line"] = Optional(view.ReleaseLine),
            ["title_block"] = view.Title.Length == 0 ? null : PlainTextWriter.Underlined(view.Title, '='),
            ["subtitle"] = Optional(view.Subtitle),
            ["dateline"] = Optional(view.Dateline),
            ["body"] = body,
            ["end_mark"] = view.EndMark,
            ["sections"] = sections,
            ["notes"] = notes.Length == 0 ? null : notes,
            ["references"] = Empty(writer.ReferenceList(view.Labels)),
            ["pdf_url"] = SafeUrl.Format(context.PdfUrl),
            ["versions"] = LanguageNames.TemplateValues(context),
            ["read_in"] = view.Labels["read_in"],
            ["downloads"] = AssetLinks.TemplateValues(context, view.Language, view.Labels, templates),
            ["labels"] = view.Labels,
        };

        var text = Normalise(LiquidTemplates.RenderText(templates, TemplateName, values));
        return new Result<RenderedFile>(
            new RenderedFile(Variant, FileName, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text)),
            warnings);
    }

    private static string? Optional(string? text) => text is null ? null : PlainTextWriter.Wrapped(text);

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    /// <summary>No trailing spaces, no runs of more than two blank lines, one final newline.</summary>
    private static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        var result = new StringBuilder();
        var blanks = 0;
        foreach (var line in lines)
        {
            blanks = line.Length == 0 ? blanks + 1 : 0;
            if (blanks <= 2 && !(result.Length == 0 && line.Length == 0))
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().TrimEnd('\n') + "\n";
    }
}
