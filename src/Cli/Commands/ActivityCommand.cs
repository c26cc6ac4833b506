using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;
using Spectre.Console;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe activity [--count 50]</c>: the operations log, newest first — who did what, through which door.</summary>
internal static class ActivityCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many to show.", DefaultValueFactory = _ => 50 };
        var command = new Command("activity", "Who did what, newest first.") { count };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var records = await services.GetRequiredService<OperationsLog>().RecentAsync(Math.Clamp(parse.GetValue(count), 1, 500), cancellationToken);
            if (records.Count == 0)
            {
                Say.Step("Nothing recorded yet.");
                return 0;
            }

            var table = new Table().AddColumns("when (UTC)", "who", "operation", "on", "detail");
            foreach (var r in records)
            {
                table.AddRow($"{r.At:yyyy-MM-dd HH:mm:ss}", Markup.Escape(r.By.ToString()), r.Operation, Markup.Escape(r.Subject), Markup.Escape(r.Detail));
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}
