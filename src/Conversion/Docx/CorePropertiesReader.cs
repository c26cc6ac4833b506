using DocumentFormat.OpenXml.Packaging;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Docx;

/// <summary>docProps/core.xml: author, subject, keywords and the document's own dates (never the clock).</summary>
internal static class CorePropertiesReader
{
    public static (DocumentProperties Properties, string? Title) Read(WordprocessingDocument document)
    {
        var core = document.PackageProperties;
        var keywords = (core.Keywords ?? string.Empty)
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var properties = new DocumentProperties(
            Blank(core.Creator),
            Blank(core.Subject),
            keywords,
            Instant(core.Created),
            Instant(core.Modified));
        return (properties, Blank(core.Title));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? Instant(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc)) : null;
}
