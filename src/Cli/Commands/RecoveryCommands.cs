using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Distribution.Sending;
using PressPipeline.Pipeline.Recovery;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using Spectre.Console;

namespace PressPipeline.Cli.Commands;

/// <summary><c>presspipe resume &lt;id&gt;</c>: the way out of PartlySent, over the same service as the API.</summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Release id (20 hex characters)." };
        var command = new Command("resume", "Send a partly sent release to the recipients not yet accepted or held (nobody is mailed twice).") { id };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var status = await services.GetRequiredService<ReleaseRecovery>()
                .ResumeAsync(ReleaseId.Require(parse.GetValue(id)), CliActor.From(parse), cancellationToken);
            Say.Done($"Release {status.Id} is {status.State}: {status.History[^1].Message} The app sends it within a minute (on this machine: `presspipe run --once`).");
            return 0;
        }));
        return command;
    }
}

/// <summary>
/// <c>presspipe release-batch &lt;id&gt; &lt;batch&gt;</c>: staff checked SendGrid's activity for a held batch. It is
/// marked accepted when SendGrid's webhook reported events for it, sent otherwise; the release is resumed.
/// </summary>
internal static class ReleaseBatchCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Release id (20 hex characters)." };
        var batch = new Argument<string>("batch") { Description = "Held batch id (b-…), as `presspipe status <id>` lists it." };
        var command = new Command("release-batch", "Release a batch held with an unknown outcome, after checking SendGrid's activity.") { id, batch };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var status = await services.GetRequiredService<ReleaseRecovery>()
                .ReleaseHeldBatchAsync(ReleaseId.Require(parse.GetValue(id)), parse.GetValue(batch) ?? "", CliActor.From(parse), cancellationToken);
            Say.Done($"{status.History[^1].Message} The app picks it up within a minute (on this machine: `presspipe run --once`).");
            return 0;
        }));
        return command;
    }
}

/// <summary>Held batches under <c>presspipe status</c>: what SendGrid reported, and the command that releases each.</summary>
internal static class HeldBatchesOutput
{
    public static async Task ShowAsync(IServiceProvider services, ReleaseStatus status, CancellationToken cancellationToken)
    {
        if (status.State is not (ReleaseState.PartlySent or ReleaseState.Sending))
        {
            return;
        }

        var held = await services.GetRequiredService<ReleaseRecovery>().HeldBatchesAsync(status.Id, cancellationToken);
        if (held.Count == 0)
        {
            return;
        }

        AnsiConsole.MarkupLine($"  [yellow]{held.Count} batch(es) held with an unknown outcome[/] (never resent automatically):");
        var table = new Table().AddColumns("batch", "recipients", "held since (UTC)", "why", "SendGrid reported");
        foreach (var batch in held)
        {
            table.AddRow(batch.BatchId, batch.Recipients.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{batch.Since:yyyy-MM-dd HH:mm}", Markup.Escape(batch.Reason ?? ""), Markup.Escape(HeldBatches.Describe(batch.Reported)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"  Check each in SendGrid's activity, then: presspipe release-batch {status.Id} <batch>"));
    }
}
