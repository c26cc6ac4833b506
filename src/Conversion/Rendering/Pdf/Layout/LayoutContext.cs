using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>What every layouter of one render shares: the release, styles, fonts, warnings and native objects to free.</summary>
internal sealed class LayoutContext : IDisposable
{
    private readonly List<ConversionWarning> warnings = [];
    private readonly List<IDisposable> owned = [];
    private readonly Dictionary<string, PreparedPicture?> pictures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> overBudget = new(StringComparer.Ordinal);

    /// <param name="forPdf">False when the layout only paints page images: pictures are not encoded for the PDF.</param>
    public LayoutContext(PressRelease release, LayoutStyles styles, FontLibrary fonts, bool forPdf = true)
    {
        Release = release;
        Styles = styles;
        Fonts = fonts;
        Paragraphs = new ParagraphLayouter(fonts, string.IsNullOrWhiteSpace(release.Metadata.Language) ? "en" : release.Metadata.Language, styles.Theme.Text.LineHeight);

        // Started before any text is laid out so the pixels are ready by the time the pages are painted.
        var budget = new PixelBudget();
        foreach (var image in release.Images)
        {
            var picture = PreparedPicture.Start(image.Data, PdfRenderer.JpegQuality, budget, forPdf, out var refusal);
            if (picture is not null)
            {
                owned.Add(picture);
            }

            if (refusal is not null)
            {
                overBudget[image.Id] = refusal;
            }

            pictures[image.Id] = picture;
        }
    }

    public PressRelease Release { get; }

    public LayoutStyles Styles { get; }

    public FontLibrary Fonts { get; }

    public ParagraphLayouter Paragraphs { get; }

    public IReadOnlyList<ConversionWarning> Warnings => warnings;

    /// <summary>The release's picture with this id, being prepared for painting; null when it is missing or not a format Skia reads.</summary>
    public PreparedPicture? Picture(string resourceId) => pictures.GetValueOrDefault(resourceId);

    /// <summary>Every picture being prepared (each once, whatever the number of places it is drawn).</summary>
    public IEnumerable<PreparedPicture> PreparedPictures => pictures.Values.OfType<PreparedPicture>();

    /// <summary>Why a picture was left out to keep the render within its pixel budget, as the end of a sentence; null when it was not.</summary>
    public string? OverBudget(string resourceId) => overBudget.GetValueOrDefault(resourceId);

    /// <summary>Pictures whose header read but whose pixels did not; known only once the pages are painted.</summary>
    public IEnumerable<ImageResource> UnreadablePictures() =>
        Release.Images.Where(i => pictures.GetValueOrDefault(i.Id) is { } picture && picture.Image is null);

    /// <param name="location">The picture or part of the release it is about, when the layout knows it; null for the whole PDF.</param>
    public void Warn(string code, string message, WarningLocation? location = null)
    {
        if (!warnings.Any(w => w.Code == code && w.Message == message && w.Location == location))
        {
            warnings.Add(new ConversionWarning(code, message) { Location = location });
        }
    }

    public void Own(IDisposable disposable) => owned.Add(disposable);

    public void Dispose()
    {
        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }

        owned.Clear();
        Paragraphs.Dispose();
    }
}
