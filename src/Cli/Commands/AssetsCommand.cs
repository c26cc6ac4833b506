using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe assets add &lt;id&gt; &lt;file&gt;…</c>: files that go with a release (PDF, photos, Word, Excel, CSV, ZIP),
/// checked by their bytes and published with it; <c>presspipe upload … --asset file</c> does the same at upload.
/// </summary>
internal static class AssetsCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var files = new Argument<FileInfo[]>("files") { Description = "PDF, JPEG/PNG photos, Word, Excel, CSV or ZIP files.", Arity = ArgumentArity.OneOrMore };
        var add = new Command("add", "Add files to a release (before sending); each is checked by its bytes, a refused one does not stop the others.") { id, files };
        add.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            return await AddAsync(services, ReleaseId.Require(parse.GetValue(id)), parse.GetValue(files)!, CliActor.From(parse), cancellationToken);
        }));
        return new Command("assets", "Files that go with a release.") { add };
    }

    /// <summary>The option <c>upload</c> takes: <c>--asset file</c>, repeatable.</summary>
    public static Option<FileInfo[]> AssetOption() => new("--asset")
    {
        Description = "A file to go with the release (PDF, photo, Word, Excel, CSV, ZIP); repeat for several.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Adds the files and says what happened; 2 when any file was refused or missing, so scripts notice.</summary>
    public static async Task<int> AddAsync(IServiceProvider services, string releaseId, IReadOnlyList<FileInfo> files, Pipeline.Status.Actor by, CancellationToken cancellationToken)
    {
        var missing = files.Where(f => !f.Exists).ToList();
        foreach (var file in missing)
        {
            Say.Problem($"{file.FullName} does not exist.");
        }

        // Refused by their size before they are read, as the API refuses a request past the release's limit: all the
        // files together past it (nothing added), or one file past the per-file limit (the others still added).
        var present = files.Where(f => f.Exists).ToList();
        services.GetRequiredService<UploadLimits>().Files.Require(present.Sum(f => f.Length));
        var limits = services.GetRequiredService<IOptions<AssetOptions>>().Value;
        var tooLarge = present.Where(f => f.Length > limits.MaxAssetBytes).ToList();
        foreach (var file in tooLarge)
        {
            Say.Problem(AssetCheck.TooLarge(file.Name, file.Length, limits));
        }

        var uploads = new List<AssetUpload>();
        foreach (var file in present.Except(tooLarge))
        {
            uploads.Add(new AssetUpload(file.Name, BinaryData.FromBytes(await File.ReadAllBytesAsync(file.FullName, cancellationToken))));
        }

        if (uploads.Count == 0)
        {
            return 2;
        }

        var report = await services.GetRequiredService<ReleaseAssets>().AddAsync(releaseId, uploads, by, cancellationToken);
        foreach (var asset in report.Added)
        {
            Say.Done($"{asset.DisplayName()}: {asset.Label()}, {AssetCheck.Megabytes(asset.Size)}, sha256 {asset.Sha256}");
        }

        foreach (var refusal in report.Refused)
        {
            Say.Problem(refusal);
        }

        return missing.Count == 0 && tooLarge.Count == 0 && report.Refused.Count == 0 ? 0 : 2;
    }
}
