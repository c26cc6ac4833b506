using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PressPipeline.Conversion.Manifest;

namespace PressPipeline.Pipeline.Assets;

/// <summary>One file staff want to go with a release.</summary>
public sealed record AssetUpload(string FileName, BinaryData Content);

/// <summary>A file that passed the checks, ready to store: its bytes as they will be published.</summary>
public sealed record CheckedAsset(ManifestAsset Asset, BinaryData Content, bool LocationRemoved);

/// <summary>
/// The checks every door shares (API, CLI, blob folder or sidecar): the type from the bytes against the
/// allow-list, the size against <see cref="AssetOptions"/>, and a photo's GPS position taken out. A refusal is one
/// sentence a press officer can act on; it never stops the other files of the same upload.
/// </summary>
public static class AssetCheck
{
    public static (CheckedAsset? Asset, string? Refusal) Check(AssetUpload upload, long releaseBytesSoFar, AssetOptions limits)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(limits);
        var name = Path.GetFileName(upload.FileName.Replace('\\', '/'));
        var bytes = upload.Content.ToMemory();
        if (bytes.Length > limits.MaxAssetBytes)
        {
            return (null, TooLarge(name, bytes.Length, limits));
        }

        if (releaseBytesSoFar + bytes.Length > limits.MaxReleaseBytes)
        {
            return (null, $"'{name}' would take the release's files to {Megabytes(releaseBytesSoFar + bytes.Length)}, more than the {Megabytes(limits.MaxReleaseBytes)} allowed per release, so it was not added; leave out or shrink some files.");
        }

        var sniffed = AssetSniffer.Sniff(bytes.Span);
        if (sniffed is Sniffed.Allowed { Type: var csv } && csv == AssetType.Csv && !name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            sniffed = new Sniffed.Refused("is plain text, which we publish only as a .csv table", "save it as PDF, or as .csv if it is a table");
        }

        if (sniffed is Sniffed.Refused refused)
        {
            return (null, $"'{name}' {refused.Why}, so it was not added{(refused.Advice is null ? "" : "; " + refused.Advice)}.");
        }

        var type = ((Sniffed.Allowed)sniffed).Type;
        var removed = false;
        if (type == AssetType.Jpeg)
        {
            bytes = JpegLocationRemover.Remove(bytes.Span, out removed);
        }

        var stored = new ManifestAsset(
            name,
            ReleaseAssetFiles.Folder + SafeName(name, type),
            type.ContentType,
            bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes.Span)));
        return (new CheckedAsset(stored, BinaryData.FromBytes(bytes), removed), null);
    }

    /// <summary>The sentence for a file larger than <see cref="AssetOptions.MaxAssetBytes"/> (the blob door says it without downloading the file).</summary>
    public static string TooLarge(string name, long bytes, AssetOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return $"'{name}' is {Megabytes(bytes)}, more than the {Megabytes(limits.MaxAssetBytes)} allowed per file, so it was not added; make it smaller (compress the photo or PDF) and add it again.";
    }

    /// <summary>
    /// "1.2 MB" (always MB with one decimal, so limits and sizes compare at a glance); a file under 0.05 MB reads
    /// "0.1 MB", as the download lists round it, never "0.0 MB" as if it were empty.
    /// </summary>
    public static string Megabytes(long bytes) =>
        (bytes > 0 ? Math.Max(0.1, bytes / 1024.0 / 1024.0) : 0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>
    /// A name safe in a blob path and a URL that still reads like the original: letters and digits of any script
    /// kept, everything else a hyphen, and the extension the bytes showed ("Фото 1.JPEG" → "Фото-1.jpg").
    /// </summary>
    public static string SafeName(string fileName, AssetType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var builder = new StringBuilder(stem.Length);
        foreach (var c in stem.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '_' ? c : '-');
        }

        var clean = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length > 80)
        {
            clean = clean[..80];
        }

        return (clean.Length == 0 ? "file" : clean) + type.Extension;
    }
}
