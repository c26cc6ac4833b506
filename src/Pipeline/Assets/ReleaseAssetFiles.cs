using PressPipeline.Conversion.Manifest;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Pipeline.Links;

namespace PressPipeline.Pipeline.Assets;

/// <summary>
/// Where a release's assets live and how readers see them. manifest.json lists each as a
/// <see cref="ManifestAsset"/>: <c>Name</c> is the name staff gave it, <c>Path</c> is "assets/{name}{extension}"
/// in the release folder and the newsroom (the extension the bytes showed), <c>ContentType</c> comes from the
/// allow-list (<see cref="AssetType"/>), never from the upload, and <c>Size</c>/<c>Sha256</c> are of the stored
/// bytes (after a photo's GPS position was removed).
/// </summary>
public static class ReleaseAssetFiles
{
    /// <summary>The variant status.json and the publisher give assets.</summary>
    public const string Variant = "asset";

    public const string Folder = "assets/";

    /// <summary>The name readers see and download ("bibliography.pdf").</summary>
    public static string DisplayName(this ManifestAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.Path.StartsWith(Folder, StringComparison.Ordinal) ? asset.Path[Folder.Length..] : asset.Path;
    }

    /// <summary>"PDF", "JPEG photo", "Excel workbook"…, from the allow-list.</summary>
    public static string Label(this ManifestAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return AssetType.All.FirstOrDefault(t => t.ContentType.Equals(asset.ContentType, StringComparison.OrdinalIgnoreCase))?.Label ?? "File";
    }

    /// <summary>"PDF", "JPG", "XLSX": the short type readers see beside the name, the same in every language.</summary>
    public static string ShortType(this ManifestAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return Path.GetExtension(asset.Path).TrimStart('.').ToUpperInvariant();
    }

    /// <summary>
    /// How every variant and the e-mail link the release's files: through the signed-file route, which serves them
    /// before the lift and redirects to the newsroom after it, so the same link works in a page or message for good.
    /// </summary>
    public static IReadOnlyList<AssetLink> Links(string id, IReadOnlyList<ManifestAsset> assets, SignedLinks links)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(links);
        return [.. assets.Select(a => new AssetLink(a.DisplayName(), links.Create(id, a.Path), a.ShortType(), a.Size, a.ContentType))];
    }
}
