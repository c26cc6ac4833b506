using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Local;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe run [--once] [--every 5]</c>: does locally what the Functions host does in Azure — processes new
/// uploads, dispatches due sends and publishes, drains the work queue — until Ctrl-C.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "One round, then exit (for scripts)." };
        var every = new Option<int>("--every") { Description = "Seconds between rounds.", DefaultValueFactory = _ => 5 };

        var command = new Command("run", "Process uploads and dispatch due work until Ctrl-C.") { once, every };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var runner = services.GetRequiredService<LocalRunner>();
            var single = parse.GetValue(once);
            if (!single)
            {
                Say.Step("Watching uploads and the schedule; Ctrl-C stops.");
            }

            do
            {
                foreach (var e in await runner.RunOnceAsync(cancellationToken))
                {
                    Say.Event(e);
                }

                if (!single)
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(every))), cancellationToken);
                }
            }
            while (!single);

            return 0;
        }));
        return command;
    }
}
