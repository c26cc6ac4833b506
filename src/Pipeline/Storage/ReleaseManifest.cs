using PressPipeline.Conversion.Results;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Storage;

/// <summary>manifest.json: what a conversion produced. Written once per release; status.json changes, this does not.</summary>
public sealed record ReleaseManifest(
    string Id,
    string SourceName,
    string Title,
    string Language,
    string? Organisation,
    string? MediaContactEmail,
    ReleaseLine ReleaseLine,
    IReadOnlyList<StoredFile> Files,
    IReadOnlyList<ConversionWarning> Warnings,
    DateTimeOffset ConvertedAt)
{
    /// <summary>The first file of a variant ("web", "email", "text", "pdf"), if it was produced.</summary>
    public StoredFile? FileOf(string variant) => Files.FirstOrDefault(f => f.Variant == variant);

    /// <summary>The files that become public at the publish time: web page, PDF, images.</summary>
    public IEnumerable<StoredFile> PublicFiles => Files.Where(f => f.Variant is "web" or "pdf" or "image");
}
