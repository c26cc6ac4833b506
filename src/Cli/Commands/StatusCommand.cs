using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe status &lt;id&gt;</c>: the release's state, plan, problems, warnings and history.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Release id (20 hex characters, as upload prints it)." };
        var command = new Command("status", "Show a release's status and history.") { id };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var status = await services.GetRequiredService<ReleaseStatusStore>().RequireAsync(ReleaseId.Require(parse.GetValue(id)), cancellationToken);
            Say.Status(status);
            await HeldBatchesOutput.ShowAsync(services, status, cancellationToken);
            return 0;
        }));
        return command;
    }
}
