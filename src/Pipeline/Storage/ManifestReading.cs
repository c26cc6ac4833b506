using PressPipeline.Conversion.Manifest;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Storage;

/// <summary>What the pipeline reads from manifest.json: the main version's facts and every stored file.</summary>
public static class ManifestReading
{
    /// <summary>The main version's headline.</summary>
    public static string Title(this ReleaseManifest manifest) => Main(manifest).Metadata.Title;

    /// <summary>The main version's language.</summary>
    public static string Language(this ReleaseManifest manifest) => Main(manifest).Language;

    /// <summary>The main version's release line.</summary>
    public static ReleaseLine ReleaseLine(this ReleaseManifest manifest) => Instructions.ReleaseLine.From(Main(manifest).Metadata.Release);

    /// <summary>Every file of every version and every asset, as status.json lists them.</summary>
    public static IReadOnlyList<StoredFile> StoredFiles(this ReleaseManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return
        [
            .. manifest.AllFiles.Select(Stored),
            .. manifest.Assets.Select(a => new StoredFile(Assets.ReleaseAssetFiles.Variant, a.Path, a.ContentType, a.Size)),
        ];
    }

    /// <summary>A variant of the main version ("web", "email", "text", "pdf"), if it was produced.</summary>
    public static StoredFile? FileOf(this ReleaseManifest manifest, string variant) =>
        Main(manifest).FileOf(variant) is { } file ? Stored(file) : null;

    /// <summary>The files that become public at the publish time: every version's web page, PDF and images, and the assets.</summary>
    public static IEnumerable<StoredFile> PublicFiles(this ReleaseManifest manifest) =>
        manifest.StoredFiles().Where(f => f.Variant is "web" or "pdf" or "image" or Assets.ReleaseAssetFiles.Variant);

    /// <summary>Every version's warnings as staff read them, with their places; another version's name its language.</summary>
    public static IReadOnlyList<StatusWarning> StatusWarnings(this ReleaseManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return
        [
            .. manifest.Versions.OrderByDescending(v => v.Main)
                .SelectMany(v => v.Warnings.Select(w => new StatusWarning(w.Code, w.Message)
                {
                    Location = w.Location,
                    Count = w.Count,
                    Language = v.Main ? null : v.Language,
                })),
        ];
    }

    /// <summary>Every version's warnings as lines of text: another version's are prefixed with its language, each says where it is.</summary>
    public static IReadOnlyList<string> WarningSentences(this ReleaseManifest manifest) =>
        [.. manifest.StatusWarnings().Select(w => w.ToString())];

    public static StoredFile Stored(ManifestFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new StoredFile(file.Variant, file.Path, file.ContentType, file.Size);
    }

    private static ManifestVersion Main(ReleaseManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Main;
    }
}
