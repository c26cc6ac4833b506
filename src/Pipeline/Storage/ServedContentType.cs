using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Storage;

/// <summary>
/// The content type a stored file is served with, from the manifest, and only if it is one its variant may have:
/// an "image" is served only as a raster picture. Manifests written before pictures were sniffed could list an
/// HTML page or an SVG as an image; such a file is never served under the newsroom's or the app's own name.
/// </summary>
public static class ServedContentType
{
    private static readonly HashSet<string> Pictures = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/tiff",
    };

    /// <summary>Browsers told this must take the content type as given instead of guessing from the bytes.</summary>
    public const string NoSniffHeader = "X-Content-Type-Options";

    public const string NoSniff = "nosniff";

    /// <summary>The content type to serve <paramref name="file"/> with, or null when it must not be served.</summary>
    public static string? Of(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Variant switch
        {
            "image" => Pictures.Contains(file.ContentType) ? file.ContentType : null,
            Assets.ReleaseAssetFiles.Variant => Assets.AssetType.IsAllowed(file.ContentType) ? file.ContentType : null,
            _ => file.ContentType,
        };
    }
}
