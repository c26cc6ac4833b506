using System.Text.Json;
using System.Text.Json.Serialization;
using PressPipeline.Templates;
using SkiaSharp;

namespace PressPipeline.Conversion.Rendering.Pdf.Theme;

/// <summary>The PDF look, read from src/Templates/pdf/theme.json: changing it needs no C# change.</summary>
internal sealed record PdfTheme(
    PageTheme Page,
    FontTheme Fonts,
    ColourTheme Colours,
    TextTheme Text,
    LetterheadTheme Letterhead,
    ReleaseTheme Release)
{
    private static readonly Lazy<PdfTheme> DefaultTheme = new(() => Load(PdfThemeResources.OpenTheme()));

    /// <summary>The theme shipped in src/Templates, parsed once.</summary>
    public static PdfTheme Default => DefaultTheme.Value;

    /// <summary>Parses a theme; a malformed theme is an operator error, reported with the file name.</summary>
    public static PdfTheme Load(Stream json)
    {
        using (json)
        {
            return JsonSerializer.Deserialize(json, PdfThemeJson.Default.PdfTheme)
                ?? throw new InvalidDataException("The PDF theme (pdf/theme.json) is empty.");
        }
    }
}

/// <summary>Source-generated reader for the theme: no reflection warm-up on the first conversion.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(PdfTheme))]
internal sealed partial class PdfThemeJson : JsonSerializerContext;

/// <summary>Paper and margins in points. <see cref="Size"/> is "A4" or "Letter".</summary>
internal sealed record PageTheme(
    string Size,
    float MarginTop,
    float MarginBottom,
    float MarginLeft,
    float MarginRight,
    float HeaderOffset,
    float FooterOffset)
{
    [JsonIgnore]
    public SKSize PaperSize => Size.ToUpperInvariant() switch
    {
        "LETTER" => new SKSize(612, 792),
        _ => new SKSize(595.28f, 841.89f),
    };

    [JsonIgnore]
    public float ContentWidth => PaperSize.Width - MarginLeft - MarginRight;

    [JsonIgnore]
    public float ContentHeight => PaperSize.Height - MarginTop - MarginBottom;
}

/// <summary>Font files (under src/Templates/fonts) and the per-character fallback order.</summary>
internal sealed record FontTheme(IReadOnlyList<string> FallbackFamilies, IReadOnlyList<FontFaceFile> Faces);

/// <summary>One face of a family and the file it lives in.</summary>
internal sealed record FontFaceFile(string Family, bool Bold, bool Italic, string File);

/// <summary>Colours as #RRGGBB.</summary>
internal sealed record ColourTheme(
    string Text,
    string Muted,
    string Accent,
    string Link,
    string ReleaseLine,
    string Rule,
    string TableBorder,
    string TableHeaderFill,
    string QuoteBar,
    string PlaceholderFill);

/// <summary>Body typography; sizes in points.</summary>
internal sealed record TextTheme(
    float BodySize,
    float LineHeight,
    float ParagraphSpacing,
    bool Justify,
    IReadOnlyList<float> HeadingSizes,
    float HeadingSpaceBefore,
    float HeadingSpaceAfter,
    float ListIndent,
    float QuoteIndent,
    float TableCellPadding,
    float TableBorderWidth,
    float NoteSize,
    float SmallSize)
{
    public float HeadingSize(int level) =>
        HeadingSizes.Count == 0 ? BodySize : HeadingSizes[Math.Clamp(level, 1, HeadingSizes.Count) - 1];
}

/// <summary>The letterhead on page one. <see cref="Logo"/> is an embedded resource name (e.g. "pdf/logo.png").</summary>
internal sealed record LetterheadTheme(
    string? Organisation,
    string? Logo,
    float LogoHeight,
    float OrganisationSize,
    float RuleWidth,
    float SpaceAfter);

/// <summary>Release line, headline and section spacing.</summary>
internal sealed record ReleaseTheme(
    float ReleaseLineSize,
    float HeadlineSize,
    float SubtitleSize,
    float SpaceAfterHeadline,
    float SpaceAfterSubtitle,
    float EndMarkSpacing,
    float SectionSpacing);

/// <summary>
/// Fixed words the PDF adds, in the release's language: they come from the shared labels
/// (src/Templates/labels/labels.json), not the theme, so the PDF says what the web page and e-mail say.
/// </summary>
internal sealed record PdfLabels(string PageOf, string Notes, string EmbargoLifts, string ImagePlaceholder)
{
    public static PdfLabels For(IReadOnlyDictionary<string, string> labels) =>
        new(labels["pdf_page_of"], labels["notes"], labels["pdf_embargo_lifts"], labels["pdf_image_placeholder"]);
}

/// <summary>Colour parsing for theme values.</summary>
internal static class ThemeColour
{
    public static SKColor Parse(string hex) =>
        SKColor.TryParse(hex, out var colour) ? colour : SKColors.Black;
}
