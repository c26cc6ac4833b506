namespace PressPipeline.Pipeline.Assets;

/// <summary>Section <c>Assets</c>: how large the files that go with a release may be.</summary>
public sealed class AssetOptions
{
    public const string Section = "Assets";

    /// <summary>Largest single file (default 25 MB: a print-resolution photo or a long PDF, still fine to download).</summary>
    public long MaxAssetBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest total of all files of one release (default 100 MB).</summary>
    public long MaxReleaseBytes { get; set; } = 100L * 1024 * 1024;
}
