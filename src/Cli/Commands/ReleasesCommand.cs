using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Status;
using Spectre.Console;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe releases</c>: the most recently changed releases.</summary>
internal static class ReleasesCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("releases", "List recent releases.") { count };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var recent = await services.GetRequiredService<ReleaseStatusStore>().RecentAsync(Math.Max(1, parse.GetValue(count)), cancellationToken);
            if (recent.Count == 0)
            {
                Say.Step("No releases yet: `presspipe upload <docx>` adds one.");
                return 0;
            }

            var table = new Table().AddColumns("id", "state", "title", "changed (UTC)");
            foreach (var status in recent)
            {
                table.AddRow(status.Id, Say.State(status.State), Markup.Escape(status.Title ?? status.SourceName), $"{status.History[^1].At:yyyy-MM-dd HH:mm}");
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}
