using PressPipeline.Conversion.Results;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Storage;

/// <summary>
/// manifest.json: what a conversion produced, and the files staff added to go with it (<see cref="Assets"/>,
/// rewritten when one is added). status.json changes on every move; this only on conversion, correction and assets.
/// </summary>
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
    DateTimeOffset ConvertedAt,
    IReadOnlyList<StoredAsset>? Assets = null)
{
    /// <summary>The first file of a variant ("web", "email", "text", "pdf"), if it was produced.</summary>
    public StoredFile? FileOf(string variant) => Files.FirstOrDefault(f => f.Variant == variant);

    /// <summary>The files that become public at the publish time: web page, PDF, images and the added files.</summary>
    public IEnumerable<StoredFile> PublicFiles => Files.Where(f => f.Variant is "web" or "pdf" or "image").Concat(AssetFiles);

    /// <summary>The variants and images, then the added files: every file a signed link may name.</summary>
    public IEnumerable<StoredFile> AllFiles => Files.Concat(AssetFiles);

    private IEnumerable<StoredFile> AssetFiles =>
        (Assets ?? []).Select(a => new StoredFile(StoredAsset.Variant, a.FileName, a.ContentType, a.Bytes));
}
