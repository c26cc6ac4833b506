using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;
using Spectre.Console;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe report &lt;id&gt; [--csv file] [--hide-addresses]</c>: the delivery counts and, with <c>--csv</c>, every
/// recipient's state written to a spreadsheet. Reading a large release shows live counts.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var id = ReleaseArguments.Id();
        var csv = new Option<FileInfo?>("--csv") { Description = "Write one row per recipient to this CSV file." };
        var hide = new Option<bool>("--hide-addresses") { Description = "Contact ids only (for sharing outside the press office)." };
        var command = new Command("report", "Delivery counts and per-recipient states of a release.") { id, csv, hide };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var reports = services.GetRequiredService<DeliveryReports>();
            var report = await CliProgress.RunAsync("Delivery report", progress =>
                reports.BuildAsync(parse.GetValue(id)!, !parse.GetValue(hide), progress, cancellationToken));
            Say.Done($"{report.Title} ({report.State}) to {string.Join(", ", report.Lists)}");
            var c = report.Counts;
            var table = new Table().AddColumns("recipients", "accepted", "delivered", "deferred", "bounced", "dropped", "opened", "clicked", "unsubscribed", "suppressed", "not sent", "unknown", "failed");
            table.AddRow([.. new[] { c.Recipients, c.Accepted, c.Delivered, c.Deferred, c.Bounced, c.Dropped, c.Opened, c.Clicked, c.Unsubscribed, c.Suppressed, c.NotSent, c.Unknown, c.Failed }.Select(n => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))]);
            AnsiConsole.Write(table);
            if (report.Timeline.Count > 0)
            {
                // Counts over time, as the console's report shows them: recipients newly reached per hour (UTC).
                var hours = new Table().AddColumns("hour (UTC)", "delivered", "opened", "clicked", "bounced");
                foreach (var h in report.Timeline)
                {
                    hours.AddRow([h.Hour.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), .. new[] { h.Delivered, h.Opened, h.Clicked, h.Bounced }.Select(n => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))]);
                }

                AnsiConsole.Write(hours);
            }

            if (parse.GetValue(csv) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, DeliveryReports.ToCsv(report), cancellationToken);
                Say.Done($"Wrote {report.Recipients.Count:N0} recipients to {file.FullName}");
            }

            return 0;
        }));
        return command;
    }
}
