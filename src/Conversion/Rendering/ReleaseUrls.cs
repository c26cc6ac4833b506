namespace PressPipeline.Conversion.Rendering;

/// <summary>URLs of files inside a release folder, relative to a base that names the folder.</summary>
public static class ReleaseUrls
{
    /// <summary>
    /// Resolves "images/x.png" against the release folder's URL. A base without a trailing slash is taken
    /// as the folder itself (".../releases/42" and ".../releases/42/" mean the same), unless it names a
    /// file such as ".../42/index.html", whose folder is used.
    /// </summary>
    public static Uri Resolve(Uri releaseFolder, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(releaseFolder);
        var text = releaseFolder.AbsoluteUri;
        var lastSegment = releaseFolder.Segments.Length > 0 ? releaseFolder.Segments[^1] : string.Empty;
        if (!text.EndsWith('/') && string.IsNullOrEmpty(releaseFolder.Query) && !lastSegment.Contains('.', StringComparison.Ordinal))
        {
            releaseFolder = new Uri(text + "/");
        }

        return new Uri(releaseFolder, relativePath);
    }
}
