using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe cancel &lt;id&gt;</c>: nothing is sent or published; refused once sending started.</summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var command = new Command("cancel", "Cancel a release's send and publish (until sending starts).") { id };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var view = await services.GetRequiredService<ReleaseOperations>().CancelAsync(parse.GetValue(id)!, CliActor.From(parse), cancellationToken);
            Say.Status(view.Status);
            return 0;
        }));
        return command;
    }
}
