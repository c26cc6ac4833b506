using PressPipeline.Conversion.Rendering.Pdf.Text;
using PressPipeline.Conversion.Rendering.Pdf.Theme;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Layout;

/// <summary>The theme turned into ready-to-use run styles and colours.</summary>
internal sealed class LayoutStyles(PdfTheme theme, PdfLabels labels)
{
    public PdfTheme Theme => theme;

    /// <summary>The fixed words in the release's language.</summary>
    public PdfLabels Labels => labels;

    public SKColor TextColour { get; } = ThemeColour.Parse(theme.Colours.Text);

    public SKColor MutedColour { get; } = ThemeColour.Parse(theme.Colours.Muted);

    public SKColor AccentColour { get; } = ThemeColour.Parse(theme.Colours.Accent);

    public SKColor LinkColour { get; } = ThemeColour.Parse(theme.Colours.Link);

    public SKColor ReleaseLineColour { get; } = ThemeColour.Parse(theme.Colours.ReleaseLine);

    public SKColor RuleColour { get; } = ThemeColour.Parse(theme.Colours.Rule);

    public SKColor TableBorderColour { get; } = ThemeColour.Parse(theme.Colours.TableBorder);

    public SKColor TableHeaderFill { get; } = ThemeColour.Parse(theme.Colours.TableHeaderFill);

    public SKColor QuoteBarColour { get; } = ThemeColour.Parse(theme.Colours.QuoteBar);

    public SKColor PlaceholderFill { get; } = ThemeColour.Parse(theme.Colours.PlaceholderFill);

    public RunStyle Body => new(theme.Text.BodySize, TextColour);

    public RunStyle Heading(int level) => new(theme.Text.HeadingSize(level), AccentColour, Bold: true);

    public RunStyle Small => new(theme.Text.SmallSize, MutedColour);

    public RunStyle Note => new(theme.Text.NoteSize, TextColour);
}
