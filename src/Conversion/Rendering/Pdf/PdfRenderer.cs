using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Rendering.Pdf.Layout;
using PressPipeline.Conversion.Rendering.Pdf.Paint;
using PressPipeline.Conversion.Rendering.Pdf.Theme;
using PressPipeline.Conversion.Rendering.Pdf.Writer;
using PressPipeline.Conversion.Results;
using PressPipeline.Templates;

namespace PressPipeline.Conversion.Rendering.Pdf;

/// <summary>
/// The PDF variant: the model laid out into pages (shaping, line breaking, blocks, pagination), then
/// written as PDF/A-2b with metadata from the document by our own writer (<see cref="Writer"/>). The same release always
/// gives the same bytes: no clock, no random IDs.
/// </summary>
public sealed class PdfRenderer : IVariantRenderer
{
    /// <summary>JPEG quality for opaque pictures that are not JPEG already (see <see cref="PreparedPicture"/>).</summary>
    internal const int JpegQuality = 90;

    private readonly PdfTheme theme;

    public PdfRenderer()
        : this(PdfTheme.Default)
    {
    }

    internal PdfRenderer(PdfTheme theme)
    {
        this.theme = theme;
    }

    public string Variant => "pdf";

    /// <summary>Shaping, layout and the PDF writer: several times the text on the 60-chapter report.</summary>
    public int RelativeCost => 10;

    public void Prepare()
    {
        FontLibrary.For(theme.Fonts);
        _ = SrgbProfile.Data;
    }

    public Result<RenderedFile> Render(PressRelease release, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(context);
        var organisation = Organisation(release, context);
        using var laidOut = LaidOutRelease.Create(release, Styles(release), organisation);
        var layout = laidOut.Layout;
        var bytes = PdfPainter.Paint(laidOut.Pages, laidOut.Furniture, Metadata(release, organisation), theme.Page, release.Metadata.Language);
        foreach (var unreadable in layout.UnreadablePictures())
        {
            layout.Warn("pdf.image-unreadable", UnreadablePicture(unreadable.FileName, "leaves a gap where it goes"), ModelPlaces.OfPicture(release, unreadable.Id, unreadable.FileName));
        }

        if (layout.Paragraphs.MissingCharacters.Count > 0)
        {
            var sample = string.Concat(layout.Paragraphs.MissingCharacters.Take(8).Select(char.ConvertFromUtf32));
            layout.Warn("pdf.font-missing", $"The PDF has no font for {layout.Paragraphs.MissingCharacters.Count} character(s) of this document (such as \"{sample}\"); they print as empty boxes. The web page and e-mail show them.", ModelPlaces.OfCharacter(release, layout.Paragraphs.MissingCharacters.First()));
        }

        return new Result<RenderedFile>(new RenderedFile(Variant, "release.pdf", "application/pdf", bytes), [.. layout.Warnings]);
    }

    /// <summary>
    /// The release's pages as images, from the same layout as the PDF (see <see cref="PdfPageImages"/>); the caller
    /// disposes them. The context supplies only the fallback organisation, as for <see cref="Render"/>.
    /// </summary>
    public PdfPageImages PageImages(PressRelease release, RenderContext context)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(context);
        return new PdfPageImages(LaidOutRelease.Create(release, Styles(release), Organisation(release, context), forPdf: false));
    }

    // The theme with the fixed texts (footer, labels) in the release's language.
    private LayoutStyles Styles(PressRelease release) =>
        new(theme, PdfLabels.For(TemplateLibrary.Embedded.Labels(Language(release))));

    private static string? Organisation(PressRelease release, RenderContext context) =>
        FirstNonBlank(release.Metadata.Organisation, context.Organisation, release.Metadata.Document.Author);

    private static DocumentMetadata Metadata(PressRelease release, string? organisation)
    {
        var document = release.Metadata.Document;
        return new DocumentMetadata(
            Title: release.Metadata.Title,
            Author: organisation ?? string.Empty,
            Subject: FirstNonBlank(document.Subject, release.Metadata.Subtitle) ?? string.Empty,
            Keywords: string.Join(", ", document.Keywords),
            Creator: "PressPipeline",
            Producer: "PressPipeline",
            Created: document.Created,
            Modified: document.Modified ?? document.Created);
    }

    internal static string UnreadablePicture(string fileName, string consequence) =>
        $"The picture '{fileName}' could not be decoded, so the PDF {consequence}; re-insert it as PNG or JPEG.";

    private static string Language(PressRelease release) =>
        string.IsNullOrWhiteSpace(release.Metadata.Language) ? "en" : release.Metadata.Language;

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
