using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe approve &lt;id&gt; [--as name]</c>: the second person's approval (two-person rule); refused for the uploader.</summary>
internal static class ApproveCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var command = new Command("approve", "Approve a release someone else uploaded (two-person rule).") { id };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var view = await services.GetRequiredService<ReleaseOperations>().ApproveAsync(parse.GetValue(id)!, CliActor.From(parse), cancellationToken);
            Say.Status(view.Status);
            return 0;
        }));
        return command;
    }
}
