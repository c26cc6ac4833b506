using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering.Pdf.Fonts;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>What every layouter of one render shares: the release, styles, fonts, warnings and native objects to free.</summary>
internal sealed class LayoutContext : IDisposable
{
    private readonly List<ConversionWarning> warnings = [];
    private readonly List<IDisposable> owned = [];

    public LayoutContext(PressRelease release, LayoutStyles styles, FontLibrary fonts)
    {
        Release = release;
        Styles = styles;
        Fonts = fonts;
        Paragraphs = new ParagraphLayouter(fonts, string.IsNullOrWhiteSpace(release.Metadata.Language) ? "en" : release.Metadata.Language, styles.Theme.Text.LineHeight);
    }

    public PressRelease Release { get; }

    public LayoutStyles Styles { get; }

    public FontLibrary Fonts { get; }

    public ParagraphLayouter Paragraphs { get; }

    public IReadOnlyList<ConversionWarning> Warnings => warnings;

    public void Warn(string code, string message)
    {
        if (!warnings.Any(w => w.Code == code && w.Message == message))
        {
            warnings.Add(new ConversionWarning(code, message));
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
    }
}
