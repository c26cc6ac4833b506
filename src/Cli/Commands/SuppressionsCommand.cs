using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;
using Spectre.Console;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe suppressions</c> (show), <c>suppressions add|remove|check|export</c>: addresses that are never mailed,
/// stored as keyed hashes, so staff give the address and presspipe computes the key.
/// </summary>
internal static class SuppressionsCommand
{
    public static Command Create()
    {
        var command = new Command("suppressions", "The suppression list: show, add, remove, check an address, export.");
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(() => ShowAsync(cancellationToken)));
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Argument<string> Email() => new("email") { Description = "The journalist's e-mail address." };

    private static async Task<int> ShowAsync(CancellationToken cancellationToken)
    {
        await using var services = CliServices.Build();
        var entries = await CliProgress.RunAsync("Suppressions", progress => services.GetRequiredService<SuppressionOperations>().ListAsync(progress, cancellationToken));
        var table = new Table().AddColumns("contact id", "reason", "since (UTC)", "added by", "note");
        foreach (var e in entries)
        {
            table.AddRow(e.ContactId, e.Reason.ToString(), $"{e.At:yyyy-MM-dd HH:mm}", Markup.Escape(e.AddedBy ?? ""), Markup.Escape(e.Note ?? ""));
        }

        AnsiConsole.Write(table);
        Say.Step($"{entries.Count} suppressed; addresses are not stored, `presspipe suppressions check <email>` looks one up.");
        return 0;
    }

    private static Command Add()
    {
        var email = Email();
        var reason = new Option<string?>("--reason") { Description = "do-not-contact (default), unsubscribed, hard-bounce or spam-report." };
        var note = new Option<string?>("--note") { Description = "Why, in your words (kept with the entry)." };
        var command = new Command("add", "Never mail this address again.") { email, reason, note };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var added = await services.GetRequiredService<SuppressionOperations>().AddAsync(parse.GetValue(email)!, parse.GetValue(reason), parse.GetValue(note), CliActor.From(parse), cancellationToken);
            Say.Done($"Suppressed ({added.Reason}) as {added.ContactId}");
            return 0;
        }));
        return command;
    }

    private static Command Remove()
    {
        var email = Email();
        var command = new Command("remove", "Take an address off the suppression list (only on the journalist's own request).") { email };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            await services.GetRequiredService<SuppressionOperations>().RemoveAsync(parse.GetValue(email)!, CliActor.From(parse), cancellationToken);
            Say.Done("Removed from the suppression list.");
            return 0;
        }));
        return command;
    }

    private static Command Check()
    {
        var email = Email();
        var command = new Command("check", "Is this address suppressed?") { email };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var found = await services.GetRequiredService<SuppressionOperations>().FindAsync(parse.GetValue(email)!, cancellationToken);
            if (found is null)
            {
                Say.Step("Not suppressed.");
                return 0;
            }

            Say.Done($"Suppressed since {found.At:yyyy-MM-dd HH:mm} UTC ({found.Reason}){(found.AddedBy is null ? "" : $" by {found.AddedBy}")}{(found.Note is null ? "" : $": {found.Note}")}");
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write to this file (default: suppressions.csv here)." };
        var command = new Command("export", "Write the suppression list to a CSV file (contact ids, reasons, who, when).") { output };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var entries = await CliProgress.RunAsync("Suppressions", progress => services.GetRequiredService<SuppressionOperations>().ListAsync(progress, cancellationToken));
            var target = parse.GetValue(output)?.FullName ?? Path.GetFullPath("suppressions.csv");
            await File.WriteAllBytesAsync(target, SuppressionOperations.ToCsv(entries), cancellationToken);
            Say.Done($"Wrote {entries.Count} entries to {target}");
            return 0;
        }));
        return command;
    }
}
