namespace PressPipeline.Pipeline.Assets;

/// <summary>
/// A file that goes with a release (bibliography PDF, photo, data sheet), as manifest.json lists it.
/// </summary>
/// <param name="FileName">Path in the release folder and the newsroom, "assets/{name}{extension}"; the extension is the one the bytes showed.</param>
/// <param name="SourceName">The name staff gave it.</param>
/// <param name="ContentType">From the allow-list (<see cref="AssetType"/>), never from the upload.</param>
/// <param name="Label">"PDF", "JPEG photo", … as readers see it next to the link.</param>
/// <param name="Bytes">Size as stored (after the GPS position was removed from a photo).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored bytes.</param>
public sealed record StoredAsset(string FileName, string SourceName, string ContentType, string Label, long Bytes, string Sha256)
{
    public const string Variant = "asset";
    public const string Folder = "assets/";

    /// <summary>The name readers see and download ("bibliography.pdf").</summary>
    public string DisplayName => FileName.StartsWith(Folder, StringComparison.Ordinal) ? FileName[Folder.Length..] : FileName;
}
