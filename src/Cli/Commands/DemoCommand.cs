using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Cli.Output;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Local;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Cli.Commands;

/// <summary>
/// <c>presspipe demo</c>: the whole flow on the sample release against a local Azurite (started if none answers):
/// upload with the sample media list, "send now" and "publish now", then Received → Converted → Scheduled → dispatched → sent
/// and published, the variants downloaded to out/demo/. Each run uses fresh containers so it always starts clean.
/// </summary>
internal static class DemoCommand
{
    private const string Sample = "samples/iom-roundtable-2014.docx";
    private const string SampleContacts = "samples/contacts";

    /// <summary>The multilingual sample: main version, its translations beside it ({name}.{language}.docx) and its own media list.</summary>
    private const string MultilingualFolder = "samples/multilingual";
    private const string MultilingualSample = "roundtable-2026.docx";

    public static Command Create()
    {
        var file = new Argument<FileInfo?>("docx") { Description = $"A .docx to use instead of {Sample}.", Arity = ArgumentArity.ZeroOrOne };
        var lists = new Option<string>("--lists") { Description = "Media lists to send to.", DefaultValueFactory = _ => "media" };
        var zone = new Option<string>("--zone") { Description = "Time zone the demo schedules in.", DefaultValueFactory = _ => "Asia/Almaty" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to put the variants.", DefaultValueFactory = _ => new DirectoryInfo("out/demo") };

        var multilingual = new Option<bool>("--multilingual") { Description = $"Use the release in English, Russian and Kazakh ({MultilingualFolder}) and its media list." };
        var command = new Command("demo", "Run the whole flow on the sample release against a local Azurite.") { file, lists, zone, output, multilingual };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(async () =>
        {
            var root = RepositoryRoot();
            var several = parse.GetValue(multilingual);
            var docx = parse.GetValue(file) ?? new FileInfo(Path.Combine(root, several ? Path.Combine(MultilingualFolder, MultilingualSample) : Sample));
            if (!docx.Exists)
            {
                Say.Problem($"{docx.FullName} does not exist; pass a .docx: presspipe demo <file.docx>.");
                return 2;
            }

            if (!await EnsureAzuriteAsync(root, cancellationToken))
            {
                return 4;
            }

            var outbox = new DirectoryInfo(Path.Combine(parse.GetValue(output)!.FullName, "outbox"));
            var run = "demo" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var settings = RunSettings(run);
            settings["Mail:OutboxFolder"] = Path.Combine(outbox.FullName, run);
            await using var services = CliServices.Build(settings);
            await UploadSampleListsAsync(services, root, several ? MultilingualFolder : SampleContacts, $"{run}-contacts", cancellationToken);

            Say.Step($"Uploading {docx.Name} to {run}-uploads with lists '{parse.GetValue(lists)}', send now and publish now ({parse.GetValue(zone)})");
            await using (var content = docx.OpenRead())
            {
                // The sample's own embargo line (22 May 2014) has long passed: the demo says "publish now" explicitly,
                // as staff would, so the whole flow runs and no e-mail carries a stale EMBARGOED line.
                var instructions = new ReleaseInstructions(ReleaseInstructions.SplitList(parse.GetValue(lists)), [], "now", "now", parse.GetValue(zone));
                await services.GetRequiredService<UploadsInbox>().PutAsync(docx.Name, content, instructions, cancellationToken, CliActor.From(parse));
            }

            // Translations go beside the document, named {name}.{language}.docx: the document takes them along.
            string[] translations = several ? [.. Directory.EnumerateFiles(docx.DirectoryName!, Path.GetFileNameWithoutExtension(docx.Name) + ".*.docx").Order(StringComparer.Ordinal)] : [];
            foreach (var translation in translations)
            {
                Say.Step($"Uploading the translation {Path.GetFileName(translation)} beside it");
                await using var content = File.OpenRead(translation);
                await services.GetRequiredService<UploadsInbox>().PutAsync(Path.GetFileName(translation), content, ReleaseInstructions.None, cancellationToken, CliActor.From(parse));
            }

            // Files that go with it sit in {name}.assets/ beside the document (samples/multilingual has a fact sheet and a photo).
            var assetFolder = new DirectoryInfo(Path.Combine(docx.DirectoryName!, Path.GetFileNameWithoutExtension(docx.Name) + ".assets"));
            foreach (var asset in assetFolder.Exists ? [.. assetFolder.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal)] : Array.Empty<FileInfo>())
            {
                Say.Step($"Uploading the file {asset.Name} beside it ({UploadGroup.AssetsPrefixOf(docx.Name)}{asset.Name})");
                await using var content = asset.OpenRead();
                await services.GetRequiredService<UploadsInbox>().PutAssetAsync(docx.Name, asset.Name, content, cancellationToken, CliActor.From(parse));
            }

            var runner = services.GetRequiredService<LocalRunner>();
            var events = new List<RunEvent>();
            events.AddRange(await runner.RunOnceAsync(cancellationToken));
            var id = events.FirstOrDefault(e => e.ReleaseId is not null)?.ReleaseId;
            var statuses = services.GetRequiredService<ReleaseStatusStore>();
            var status = id is null ? null : await statuses.GetAsync(id, cancellationToken);
            if (status is null)
            {
                Say.Problem("The upload was not processed; see the lines above.");
                return 1;
            }

            foreach (var step in status.History.TakeWhile(h => h.State != ReleaseState.Sending))
            {
                Say.Done($"{step.State}: {step.Message}");
            }

            foreach (var e in events.Where(e => e.Step != "upload"))
            {
                Say.Event(e);
            }

            status = await statuses.RequireAsync(status.Id, cancellationToken);
            Say.Status(status);
            await DownloadAsync(services, status, parse.GetValue(output)!, cancellationToken);
            ShowWhatWouldBeSent(status, events, Path.Combine(outbox.FullName, run));
            Say.Step($"Look again any time: PressStorage=UseDevelopmentStorage=true Pipeline__ReleasesContainer={run}-releases presspipe status {status.Id}");
            Say.Step($"Open the staff console: presspipe serve --run {run}, then {ServeCommand.DefaultAddress}console (the links in this run's e-mails work while it runs; plain presspipe serve starts a console of your own)");
            return status.State is ReleaseState.Sent ? 0 : 1;
        }));
        return command;
    }

    /// <summary>
    /// The containers, queue and tables of one demo run (<paramref name="run"/> = <c>demo&lt;yyyyMMddHHmmss&gt;</c>), so each
    /// run starts clean and <c>presspipe serve --run</c> can show it afterwards.
    /// </summary>
    internal static Dictionary<string, string?> RunSettings(string run) => new()
    {
        ["Pipeline:UploadsContainer"] = $"{run}-uploads",
        ["Pipeline:ReleasesContainer"] = $"{run}-releases",
        ["Pipeline:NewsroomContainer"] = $"{run}-newsroom",
        ["Pipeline:ScheduleContainer"] = $"{run}-schedule",
        ["Pipeline:WorkQueue"] = $"{run}-work",
        ["Contacts:Container"] = $"{run}-contacts",
        ["Contacts:SuppressionTable"] = $"{run}suppressions",
        ["SendGrid:LedgerTable"] = $"{run}ledger",
        ["SendGrid:EventTable"] = $"{run}events",
        ["SendGrid:StatusTable"] = $"{run}recipients",
    };

    private static async Task DownloadAsync(ServiceProvider services, ReleaseStatus status, DirectoryInfo output, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ReleaseBlobStore>();
        var folder = Path.Combine(output.FullName, status.Id);
        foreach (var name in status.Files.Select(f => f.FileName).Append(ReleaseBlobStore.ManifestName).Append(ReleaseStatusStore.StatusName))
        {
            if (await store.ReadAsync(status.Id, name, cancellationToken) is { } bytes)
            {
                var path = Path.Combine(folder, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, bytes.ToArray(), cancellationToken);
            }
        }

        Say.Done($"Variants are in {folder}: {string.Join(", ", status.Files.Where(f => f.Variant != "image").Select(f => f.FileName))}");
        if (status.PublishedAt is not null)
        {
            var newsroom = services.GetRequiredService<NewsroomUrls>();
            Say.Done($"Public web page: {newsroom.FileOf(status.Id, ReleaseIntake.WebFileName)}");
            foreach (var asset in status.Files.Where(f => f.Variant == ReleaseAssetFiles.Variant))
            {
                Say.Done($"Public file: {newsroom.FileOf(status.Id, asset.FileName)}");
            }
        }
    }

    private static async Task UploadSampleListsAsync(ServiceProvider services, string root, string lists, string container, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, lists);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var contacts = await services.GetRequiredService<PressStorage>().EnsureContainerAsync(container, cancellationToken);
        foreach (var csv in Directory.EnumerateFiles(folder, "*.csv"))
        {
            await using var content = File.OpenRead(csv);
            await contacts.GetBlobClient(Path.GetFileName(csv)).UploadAsync(content, overwrite: true, cancellationToken);
            Say.Done($"Media list {Path.GetFileNameWithoutExtension(csv)} loaded from {Path.GetRelativePath(root, csv)}");
        }
    }

    private static void ShowWhatWouldBeSent(ReleaseStatus status, List<RunEvent> events, string outbox)
    {
        var send = events.Select(e => e.Work?.Dispatch).FirstOrDefault(d => d is not null);
        if (send is null)
        {
            Say.Problem("Nothing was dispatched.");
            return;
        }

        Say.Done($"Dispatched to lists {string.Join(", ", send.Lists)}; web page link {send.WebPageUrl}; PDF link {send.PdfUrl}");
        foreach (var file in send.Downloads ?? [])
        {
            // The same signed link every e-mail carries: the file before the publish time, the newsroom copy after it.
            Say.Done(string.Create(CultureInfo.InvariantCulture, $"File {file.Name} ({file.Type}, {file.Bytes / 1024.0:0.0} KB), linked from every e-mail: {file.Url}"));
        }

        if (status.Distribution is { } d)
        {
            Say.Done($"E-mail: {d.Recipients} recipients, {d.BatchesAccepted} batches accepted, {d.Suppressed} suppressed.");
        }

        var written = Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*", SearchOption.AllDirectories) : [];
        if (written.Length > 0)
        {
            Say.Done($"What would be sent (Mail:Transport=Outbox, so nothing left this machine): {written.Length} files in {outbox}");
            foreach (var file in written.Order(StringComparer.Ordinal).Take(8))
            {
                Say.Step(Path.GetRelativePath(outbox, file));
            }
        }

    }

    /// <summary>The checkout this runs from: the nearest folder above with scripts/azurite.sh.</summary>
    internal static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "scripts", "azurite.sh")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    internal static async Task<bool> EnsureAzuriteAsync(string root, CancellationToken cancellationToken)
    {
        var configured = Environment.GetEnvironmentVariable("PressStorage");
        if (configured is not null && !configured.Contains("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Listening(10000) && Listening(10001))
        {
            Say.Done("Azurite is answering on 127.0.0.1:10000-10002.");
            return true;
        }

        Say.Step("Starting Azurite (in memory) with scripts/azurite.sh …");
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "azurite.sh")])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var pid = (await process.StandardOutput.ReadToEndAsync(cancellationToken)).Trim();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            Say.Problem("Azurite did not start; see the message above (Node.js and npm are needed).");
            return false;
        }

        Say.Done($"Azurite started (pid {pid}); it keeps running so the links below work. Stop it with: kill {pid}");
        return true;
    }

    private static bool Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
    }
}
