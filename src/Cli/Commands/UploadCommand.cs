using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe upload &lt;docx&gt; --lists a,b --send-at 2026-12-01T09:00 --publish-at … --zone Asia/Almaty</c>:
/// converts the release through the operations service (as the API's upload does) and schedules it when lists and
/// a send time are given; the uploader is recorded for the two-person rule. <c>--asset file</c> (repeatable) adds
/// files to go with it (see <see cref="AssetsCommand"/>).
/// </summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("docx") { Description = "The Word press release (.docx)." };
        var plan = new ReleaseArguments.PlanOptions();
        var assets = AssetsCommand.AssetOption();
        var command = new Command("upload", "Upload a .docx with lists and times (and --asset files to go with it); nothing is sent without both.") { file, assets };
        plan.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var docx = parse.GetValue(file)!;
            if (!docx.Exists)
            {
                Say.Problem($"{docx.FullName} does not exist.");
                return 2;
            }

            await using var services = CliServices.Build();
            await using var content = docx.OpenRead();
            var result = await services.GetRequiredService<ReleaseOperations>().UploadAsync(content, docx.Name, plan.Read(parse), CliActor.From(parse), cancellationToken);
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
}
