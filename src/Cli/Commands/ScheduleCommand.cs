using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe schedule &lt;id&gt; --lists media --send-at 2026-12-01T09:00 --zone Asia/Almaty</c>: schedules or reschedules until sending starts.</summary>
internal static class ScheduleCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var plan = new ReleaseArguments.PlanOptions();
        var command = new Command("schedule", "Schedule or reschedule a release (lists and a send time).") { id };
        plan.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var view = await services.GetRequiredService<ReleaseOperations>().ScheduleAsync(parse.GetValue(id)!, plan.Read(parse), CliActor.From(parse), cancellationToken);
            Say.Status(view.Status);
            return 0;
        }));
        return command;
    }
}
