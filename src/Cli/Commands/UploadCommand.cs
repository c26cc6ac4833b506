using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe upload &lt;docx&gt; --lists a,b --send-at 2026-12-01T09:00 --publish-at … --zone Asia/Almaty</c>:
/// converts the release through the operations service (as the API's upload does) and schedules it when lists and
/// a send time are given; the uploader is recorded for the two-person rule. Translations of the same release go
/// with it: <c>--translation ru=b.docx --translation c.docx</c> (language named, or taken from the document). <c>--asset file</c> (repeatable) adds
/// files to go with it (see <see cref="AssetsCommand"/>).
/// </summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("docx") { Description = "The Word press release (.docx)." };
        var plan = new ReleaseArguments.PlanOptions();
        var translations = new Option<string[]>("--translation", "-t")
        {
            Description = "A translation of the release, as LANG=FILE (ru=release-ru.docx) or FILE (language from the document); repeat for each.",
            AllowMultipleArgumentsPerToken = false,
        };
        var assets = AssetsCommand.AssetOption();
        var command = new Command("upload", "Upload a .docx with lists and times (and --asset files to go with it); nothing is sent without both.") { file, translations, assets };
        plan.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var docx = parse.GetValue(file)!;
            if (!docx.Exists)
            {
                Say.Problem($"{docx.FullName} does not exist.");
                return 2;
            }

            var given = (parse.GetValue(translations) ?? []).Select(SplitTranslation).Select(t => (t.Language, File: new FileInfo(t.Path))).ToList();
            if (given.FirstOrDefault(t => !t.File.Exists).File is { } absent)
            {
                Say.Problem($"{absent.FullName} does not exist.");
                return 2;
            }

            await using var services = CliServices.Build();

            // A file past the limit is refused by its size, before it is read or anything is stored (exit 2, the sentence).
            var limit = services.GetRequiredService<UploadLimits>().Document;
            foreach (var document in given.Select(t => t.File).Prepend(docx))
            {
                limit.Require(document.Length);
            }

            services.GetRequiredService<UploadLimits>().Files.Require((parse.GetValue(assets) ?? []).Where(f => f.Exists).Sum(f => f.Length));

            var versions = given.Select(t => new VersionUpload(t.File.Name, t.File.OpenRead(), t.Language)).ToList();
            await using var content = docx.OpenRead();
            IntakeResult result;
            try
            {
                result = await services.GetRequiredService<ReleaseOperations>().UploadAsync(content, docx.Name, plan.Read(parse), CliActor.From(parse), cancellationToken, versions);
            }
            finally
            {
                foreach (var version in versions)
                {
                    await version.Content.DisposeAsync();
                }
            }

            Say.Done(result.AlreadyKnown ? $"{docx.Name} is release {result.ReleaseId}, uploaded before" : $"Uploaded {docx.Name} as release {result.ReleaseId}");
            Say.Status(result.Status);
            if (result.InstructionProblem is { } problem)
            {
                Say.Problem($"Not scheduled: {problem}");
            }

            var converted = result.Status.State is not (ReleaseState.Rejected or ReleaseState.Failed or ReleaseState.Received);
            var assetsExit = converted && parse.GetValue(assets) is { Length: > 0 } files
                ? await AssetsCommand.AddAsync(services, result.ReleaseId, files, CliActor.From(parse), cancellationToken)
                : 0;
            return result.InstructionProblem is null && converted && assetsExit == 0 ? 0 : 2;
        }));
        return command;
    }

    /// <summary>"ru=b.docx" names the language; a path alone (even one with '=' in a folder name) leaves it to the document.</summary>
    internal static (string? Language, string Path) SplitTranslation(string given)
    {
        var equals = given.IndexOf('=', StringComparison.Ordinal);
        return equals is > 1 and <= 8 && given[..equals].All(c => char.IsAsciiLetter(c) || c == '-')
            ? (given[..equals], given[(equals + 1)..])
            : (null, given);
    }
}
