using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Uploads;
using Spectre.Console;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe lists</c> (show), <c>lists check|upload|download|delete</c>: media lists, checked with row numbers
/// before they are used.
/// </summary>
internal static class ListsCommand
{
    public static Command Create()
    {
        var command = new Command("lists", "Media lists: show, check, upload (or --replace), download, delete.");
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(() => ShowAsync(cancellationToken)));
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Upload());
        command.Subcommands.Add(Download());
        command.Subcommands.Add(Delete());
        return command;
    }

    private static Argument<string> Name() => new("name") { Description = "List name (letters, digits, '-' and '_')." };

    private static Argument<FileInfo> File() => new("csv") { Description = "The CSV file: email, name, outlet, language, tags." };

    private static async Task<int> ShowAsync(CancellationToken cancellationToken)
    {
        await using var services = CliServices.Build();
        var lists = await services.GetRequiredService<MediaListOperations>().ListAsync(cancellationToken);
        if (lists.Count == 0)
        {
            Say.Step("No media lists yet: `presspipe lists upload <name> <file.csv>` adds one.");
            return 0;
        }

        var table = new Table().AddColumns("name", "contacts", "bytes", "updated (UTC)", "by");
        foreach (var list in lists)
        {
            table.AddRow(Markup.Escape(list.Name), list.Contacts?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", $"{list.Bytes:N0}", $"{list.UpdatedAt:yyyy-MM-dd HH:mm}", Markup.Escape(list.UpdatedBy ?? ""));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static Command Check()
    {
        var name = Name();
        var file = File();
        var command = new Command("check", "Check a CSV and show every row that would be skipped; nothing is stored.") { name, file };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var check = MediaListOperations.Check(parse.GetValue(name)!, await ReadListAsync(services, parse.GetValue(file)!, cancellationToken));
            Say.ListCheck(check);
            return check.Usable ? 0 : 2;
        }));
        return command;
    }

    private static Command Upload()
    {
        var name = Name();
        var file = File();
        var replace = new Option<bool>("--replace") { Description = "Replace the list of that name." };
        var command = new Command("upload", "Check and store a media list (a new name unless --replace).") { name, file, replace };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var csv = await ReadListAsync(services, parse.GetValue(file)!, cancellationToken);
            var check = await CliProgress.RunAsync("Media list", async progress =>
            {
                progress.Report(new OperationProgress("checking and storing", 0));
                var result = await services.GetRequiredService<MediaListOperations>().UploadAsync(parse.GetValue(name)!, csv, parse.GetValue(replace), CliActor.From(parse), cancellationToken);
                progress.Report(new OperationProgress("contacts stored", result.Contacts, result.Contacts));
                return result;
            });
            Say.ListCheck(check);
            return 0;
        }));
        return command;
    }

    /// <summary>The CSV, refused by its size before it is read when it is past the list limit (the same sentence as the API's).</summary>
    private static async Task<BinaryData> ReadListAsync(IServiceProvider services, FileInfo csv, CancellationToken cancellationToken)
    {
        services.GetRequiredService<UploadLimits>().List.Require(csv.Length);
        return BinaryData.FromBytes(await System.IO.File.ReadAllBytesAsync(csv.FullName, cancellationToken));
    }

    private static Command Download()
    {
        var name = Name();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write to this file (default: <name>.csv here)." };
        var command = new Command("download", "Download a media list as stored.") { name, output };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            var list = parse.GetValue(name)!;
            var bytes = await services.GetRequiredService<MediaListOperations>().DownloadAsync(list, cancellationToken);
            var target = parse.GetValue(output)?.FullName ?? Path.GetFullPath($"{list}.csv");
            await System.IO.File.WriteAllBytesAsync(target, bytes.ToArray(), cancellationToken);
            Say.Done($"Wrote {target}");
            return 0;
        }));
        return command;
    }

    private static Command Delete()
    {
        var name = Name();
        var command = new Command("delete", "Delete a media list.") { name };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            await using var services = CliServices.Build();
            await services.GetRequiredService<MediaListOperations>().DeleteAsync(parse.GetValue(name)!, CliActor.From(parse), cancellationToken);
            Say.Done($"Deleted list {parse.GetValue(name)}");
            return 0;
        }));
        return command;
    }
}
