using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Distribution.Backup;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe restore-tables &lt;export&gt; [--table name]</c>: writes the nightly export of the suppression list and
/// the send ledger (<c>table-exports/{yyyy-MM-dd}/{table}.jsonl</c>) back into the tables, suppressions first
/// (docs/deploy.md, "Restoring data"). Every named table's export is checked before anything is written, so a wrong
/// folder restores nothing.
/// </summary>
internal static class RestoreTablesCommand
{
    public static Command Create()
    {
        var export = new Argument<string>("export") { Description = "The export to restore: its folder in the exports container, named by date (2026-12-06)." };
        var only = new Option<string[]>("--table") { Description = "Restore only this table (repeatable); default: every exported table, suppressions first." };
        var command = new Command("restore-tables", "Write a nightly table export (suppressions, send ledger) back into the tables.") { export, only };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var tables = services.GetRequiredService<TableExport>();
            var folder = parse.GetValue(export)!.Trim().Trim('/');
            var chosen = parse.GetValue(only) is { Length: > 0 } named ? named : [.. tables.Tables];
            var unknown = chosen.Where(t => !tables.Tables.Contains(t, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                Say.Problem($"{string.Join(", ", unknown)} is not an exported table; the exports hold {string.Join(" and ", tables.Tables)}.");
                return 2;
            }

            var missing = new List<string>();
            foreach (var table in chosen)
            {
                if (!await tables.HasExportAsync(folder, table, cancellationToken))
                {
                    missing.Add(table);
                }
            }

            if (missing.Count > 0)
            {
                Say.Problem($"Export {folder} in container {tables.Container} has no copy of {string.Join(" or ", missing)}; nothing was restored. Name a folder (yyyy-MM-dd) that has every table (az storage blob list --auth-mode login --account-name <account> -c {tables.Container} lists them).");
                return 3;
            }

            // The tables' own order: suppressions before the ledger, so no send can go to someone who unsubscribed.
            foreach (var table in tables.Tables.Where(chosen.Contains))
            {
                var rows = await tables.RestoreAsync(folder, table, cancellationToken);
                Say.Done($"Restored {rows} row(s) of table {table} from {tables.Container}/{folder}/{table}.jsonl");
            }

            return 0;
        }));
        return command;
    }
}
