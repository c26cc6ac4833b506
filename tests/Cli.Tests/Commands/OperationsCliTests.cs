using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using PressPipeline.Distribution.Backup;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Storage;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;
using Spectre.Console;

namespace PressPipeline.Cli.Tests.Commands;

/// <summary>
/// Every operations verb run as staff would type it (parsed and invoked in-process), against Azurite and the real
/// SendGrid client talking to a local endpoint. One class: the console and the CLI's settings are process-wide.
/// </summary>
public sealed class OperationsCliTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly StringWriter output = new();
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("presspipe-ops-");
    private OperationsHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await OperationsHarness.StartAsync(Now, settings: new Dictionary<string, string?> { ["Pipeline:RequireApproval"] = "true" });
        CliServices.TestSettings = harness.Settings;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        AnsiConsole.Console = console;
    }

    public async Task DisposeAsync()
    {
        CliServices.TestSettings = null;
        await harness.DisposeAsync();
        work.Delete(recursive: true);
        output.Dispose();
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        output.GetStringBuilder().Clear();
        var exit = await CliApp.Root().Parse(args).InvokeAsync();
        return (exit, output.ToString());
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(work.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private async Task<string> UploadAsync(params string[] extra)
    {
        var docx = Write($"release-{Guid.NewGuid():N}.docx", TestDocx.Build($"CLI release {Guid.NewGuid():N}", "FOR IMMEDIATE RELEASE", "Astana – Body."));
        var (exit, text) = await RunAsync(["upload", docx, "--as", "anna", .. extra]);
        Assert.True(exit == 0, text);
        var line = text.Split('\n').First(l => l.Contains("as release ", StringComparison.Ordinal));
        return line[(line.IndexOf("as release ", StringComparison.Ordinal) + "as release ".Length)..].Trim();
    }

    [Fact]
    public async Task A_release_goes_from_upload_through_test_send_approval_and_schedule_to_sent_with_every_step_recorded_as_cli()
    {
        var list = Write("media.csv", Encoding.UTF8.GetBytes("email,name\nj1@outlet.example,Journalist One\nj2@outlet.example,Journalist Two\nbroken,Bad\n"));
        var (checkExit, check) = await RunAsync("lists", "check", "media", list);
        var (uploadListExit, uploadList) = await RunAsync("lists", "upload", "media", list, "--as", "anna");
        var id = await UploadAsync();

        var (previewExit, preview) = await RunAsync("preview", id, "-o", Path.Combine(work.FullName, "preview"), "--pdf-pages", Path.Combine(work.FullName, "pages"));
        var (testExit, test) = await RunAsync("test-send", id, "--to", "anna@iom.example.org", "--as", "anna");
        var (missingExit, missing) = await RunAsync("test-send", id, "--to", "anna@iom.example.org", "--language", "kk", "--as", "anna");
        var (ownExit, own) = await RunAsync("approve", id, "--as", "anna");
        var (approveExit, _) = await RunAsync("approve", id, "--as", "boris");
        var (scheduleExit, _) = await RunAsync("schedule", id, "--lists", "media", "--send-at", "now", "--zone", "Asia/Almaty", "--as", "boris");
        harness.Time.SetUtcNow(DateTimeOffset.UtcNow);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        var csv = Path.Combine(work.FullName, "report.csv");
        var (reportExit, report) = await RunAsync("report", id, "--csv", csv);
        var (statusExit, status) = await RunAsync("status", id);

        Assert.Equal((0, 0), (checkExit, uploadListExit));
        Assert.Contains("List 'media': 2 contacts, not stored (check only); 1 row(s) will be skipped", check, StringComparison.Ordinal);
        Assert.Contains("row 4: 'broken' is not an e-mail address.", check, StringComparison.Ordinal);
        Assert.Contains("List 'media': 2 contacts, stored", uploadList, StringComparison.Ordinal);
        Assert.Equal(0, previewExit);
        Assert.Contains("email", preview, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work.FullName, "preview", "email.html")));
        Assert.Contains("PDF page image(s)", preview, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(work.FullName, "pages", "page-1.png"))[..4]);
        Assert.Equal(0, testExit);
        Assert.Contains("sent to 1 address(es)", test, StringComparison.Ordinal);
        Assert.NotEqual(0, missingExit);
        Assert.Contains("the release has no version in 'kk'; pick one of en, or none for every version.", missing, StringComparison.Ordinal);
        Assert.Equal(2, ownExit);
        Assert.Contains("anna uploaded release", own, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), (approveExit, scheduleExit, reportExit, statusExit));
        Assert.Contains("Delivery report: building the report 2 of 2", report, StringComparison.Ordinal);
        Assert.Contains("j1@outlet.example,Journalist One,,accepted", File.ReadAllText(csv), StringComparison.Ordinal);
        Assert.Contains("— boris (cli)", status, StringComparison.Ordinal);

        var stored = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Sent, stored.State);
        Assert.Equal(new Actor("anna", Door.Cli), stored.UploadedBy);
        Assert.Equal(new Actor("boris", Door.Cli), stored.Approval!.By);
        var sent = harness.Endpoint.Requests.ToArray();
        Assert.StartsWith("[TEST] ", JsonDocument.Parse(sent[0].Body).RootElement.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Equal(["j1@outlet.example", "j2@outlet.example"], sent[1].Recipients.Order(StringComparer.Ordinal));
        Assert.Single(await harness.Get<IBatchLedger>().ListAsync(id, default));
    }

    [Fact]
    public async Task Restore_tables_writes_a_nightly_export_back_and_a_folder_without_it_restores_nothing()
    {
        var suppressions = harness.Get<SuppressionList>();
        await suppressions.AddAsync("aigerim@outlet.example", SuppressionReason.Unsubscribed, "iom-2014", default);
        var ledger = await harness.Get<TableProvider>().GetAsync(harness.Settings["SendGrid:LedgerTable"]!, default);
        await ledger.AddEntityAsync(new TableEntity("iom-2014", "batch-0001") { ["Recipients"] = 1000, ["Accepted"] = true });
        var export = await harness.Get<TableExport>().ExportAsync(default);

        // The tables lose their rows (a table deleted by mistake), then the runbook's restore.
        var suppressionTable = await harness.Get<TableProvider>().GetAsync(harness.Settings["Contacts:SuppressionTable"]!, default);
        await foreach (var row in suppressionTable.QueryAsync<TableEntity>())
        {
            await suppressionTable.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        await ledger.DeleteEntityAsync("iom-2014", "batch-0001");
        Assert.False(await suppressions.IsSuppressedAsync("aigerim@outlet.example", default));

        var (wrongExit, wrong) = await RunAsync("restore-tables", "1999-01-01");
        Assert.Equal(3, wrongExit);
        Assert.StartsWith($"✗ Export 1999-01-01 in container {harness.Settings["Export:Container"]} has no copy of", wrong.Trim(), StringComparison.Ordinal);
        Assert.False(await suppressions.IsSuppressedAsync("aigerim@outlet.example", default));

        var (exit, text) = await RunAsync("restore-tables", export.Folder);

        Assert.True(exit == 0, text);
        var lines = text.Trim().Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Equal(
            [$"✓ Restored 1 row(s) of table {harness.Settings["Contacts:SuppressionTable"]} from {harness.Settings["Export:Container"]}/{export.Folder}/{harness.Settings["Contacts:SuppressionTable"]}.jsonl",
             $"✓ Restored 1 row(s) of table {harness.Settings["SendGrid:LedgerTable"]} from {harness.Settings["Export:Container"]}/{export.Folder}/{harness.Settings["SendGrid:LedgerTable"]}.jsonl"],
            lines);
        Assert.True(await suppressions.IsSuppressedAsync("aigerim@outlet.example", default));
        Assert.Equal(1000, (await ledger.GetEntityAsync<TableEntity>("iom-2014", "batch-0001")).Value.GetInt32("Recipients"));
    }

    [Fact]
    public async Task Cancel_and_correct_work_from_the_command_line_and_a_late_cancel_is_one_sentence()
    {
        var id = await UploadAsync("--lists", "media", "--send-at", "2099-12-01T09:00", "--zone", "Asia/Almaty");
        var corrected = Write("corrected.docx", TestDocx.Build("Corrected headline", "FOR IMMEDIATE RELEASE", "Body."));

        var (correctExit, correct) = await RunAsync("correct", id, corrected, "--as", "anna");
        var (cancelExit, cancel) = await RunAsync("cancel", id, "--as", "anna");
        var (unknownExit, unknown) = await RunAsync("cancel", "0123456789abcdef0123");

        Assert.Equal(0, correctExit);
        Assert.Contains("Corrected: version 2 from corrected.docx replaces the variants.", correct, StringComparison.Ordinal);
        Assert.Equal(0, cancelExit);
        Assert.Contains("Cancelled", cancel, StringComparison.Ordinal);
        Assert.Equal(3, unknownExit);
        Assert.Equal("✗ There is no release with id '0123456789abcdef0123'.", unknown.Trim());
    }

    [Fact]
    public async Task Rescheduling_a_sent_release_is_refused_from_the_command_line_with_one_sentence()
    {
        await harness.PutListAsync("media", "email,name\nj1@outlet.example,Journalist One\n");
        var id = await UploadAsync("--lists", "media", "--send-at", "now", "--zone", "Asia/Almaty");
        await RunAsync("approve", id, "--as", "boris");
        harness.Time.SetUtcNow(DateTimeOffset.UtcNow);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        var (exit, text) = await RunAsync("schedule", id, "--lists", "media", "--send-at", "2099-12-05T09:00", "--zone", "Asia/Almaty", "--as", "anna");

        Assert.Equal(ReleaseState.Sent, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).State);
        Assert.NotEqual(0, exit);
        Assert.Equal($"✗ Release {id} has already been sent, so its times can no longer change; to change what journalists received, send a correction (presspipe correct {id}).", text.Trim());
    }

    [Fact]
    public async Task A_correction_after_sending_goes_out_as_CORRECTED_from_the_command_line_with_its_progress()
    {
        await harness.PutListAsync("media", "email,name\nj1@outlet.example,Journalist One\nj2@outlet.example,Journalist Two\n");
        var id = await UploadAsync("--lists", "media", "--send-at", "now", "--zone", "Asia/Almaty");
        await RunAsync("approve", id, "--as", "boris");
        harness.Time.SetUtcNow(DateTimeOffset.UtcNow);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        var sentBefore = harness.Endpoint.Requests.Count;
        var corrected = Write("corrected-after.docx", TestDocx.Build("Figure of 210 migrants", "FOR IMMEDIATE RELEASE", "Astana – Corrected body."));

        var (exit, text) = await RunAsync("correct", id, corrected, "--note", "The figure was wrong: it is 210", "--as", "anna");

        Assert.True(exit == 0, text);
        Assert.Contains("Correction: sending the correction (batches) 1 of 1", text, StringComparison.Ordinal);
        Assert.Contains("Correction (version 2) sent as CORRECTED to 2 recipient(s) who received the release (0 suppressed since).", text, StringComparison.Ordinal);
        Assert.Contains("Note: The figure was wrong: it is 210 — anna (cli)", text, StringComparison.Ordinal);
        var correction = Assert.Single(harness.Endpoint.Requests.Skip(sentBefore));
        Assert.Equal("CORRECTED: Figure of 210 migrants", JsonDocument.Parse(correction.Body).RootElement.GetProperty("subject").GetString());
        Assert.Equal(["j1@outlet.example", "j2@outlet.example"], correction.Recipients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Lists_and_suppressions_are_managed_from_the_command_line()
    {
        var list = Write("ngo.csv", Encoding.UTF8.GetBytes("email\na@ngo.example\n"));
        await RunAsync("lists", "upload", "ngo", list);
        var (takenExit, taken) = await RunAsync("lists", "upload", "ngo", list);
        var (replaceExit, _) = await RunAsync("lists", "upload", "ngo", list, "--replace");
        var (showExit, show) = await RunAsync("lists");
        var downloaded = Path.Combine(work.FullName, "down.csv");
        var (downloadExit, _) = await RunAsync("lists", "download", "ngo", "-o", downloaded);
        var (deleteExit, _) = await RunAsync("lists", "delete", "ngo");

        var (addExit, add) = await RunAsync("suppressions", "add", "editor@outlet.example", "--reason", "do-not-contact", "--note", "asked by phone", "--as", "anna");
        var (checkExit, check) = await RunAsync("suppressions", "check", "Editor@outlet.example");
        var exported = Path.Combine(work.FullName, "suppressions.csv");
        var (exportExit, export) = await RunAsync("suppressions", "export", "-o", exported);
        var (removeExit, _) = await RunAsync("suppressions", "remove", "editor@outlet.example");
        var (againExit, again) = await RunAsync("suppressions", "check", "editor@outlet.example");
        var (activityExit, activity) = await RunAsync("activity");

        Assert.Equal(2, takenExit);
        Assert.Contains("A list named 'ngo' already exists", taken, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), (replaceExit, showExit, downloadExit, deleteExit));
        Assert.Contains("ngo", show, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(list), File.ReadAllBytes(downloaded));
        Assert.Equal((0, 0, 0, 0, 0, 0), (addExit, checkExit, exportExit, removeExit, againExit, activityExit));
        Assert.Contains("Suppressed (DoNotContact)", add, StringComparison.Ordinal);
        Assert.Contains("by anna (cli): asked by phone", check, StringComparison.Ordinal);
        Assert.Contains("Suppressions: reading suppressions 1 of 1", export, StringComparison.Ordinal);
        Assert.DoesNotContain("outlet.example", File.ReadAllText(exported), StringComparison.Ordinal);
        Assert.Contains("Not suppressed.", again, StringComparison.Ordinal);
        Assert.Contains("suppression-remove", activity, StringComparison.Ordinal);
        Assert.Contains("list-delete", activity, StringComparison.Ordinal);
    }

    /// <summary>Runs the next commands with these limits (the CLI builds its services from the settings at each command).</summary>
    private void Limit(string key, long bytes) =>
        CliServices.TestSettings = new Dictionary<string, string?>(CliServices.TestSettings!) { [key] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task A_local_file_past_its_limit_is_refused_by_its_size_with_the_sentence_and_nothing_is_stored()
    {
        var docx = TestDocx.Build("Too large for the limit", "FOR IMMEDIATE RELEASE", "Astana – Body.");
        var path = Write("large.docx", docx);
        var list = Write("media.csv", Encoding.UTF8.GetBytes("email,name\n" + string.Concat(Enumerable.Range(1, 60).Select(n => $"j{n}@outlet.example,Journalist {n}\n"))));
        var pdf = Write("scan.pdf", [.. "%PDF-1.4\n"u8, .. new byte[4096]]);
        var id = await UploadAsync();
        Limit("Pipeline:MaxUploadBytes", docx.Length - 1);
        Limit("Pipeline:MaxListBytes", 1024);
        Limit("Assets:MaxReleaseBytes", 2048);
        var documentSentence = $"The file is larger than {(docx.Length - 1) / 1024} KB: compress the pictures in Word (Picture Format › Compress Pictures) and upload it again.";

        var (uploadExit, upload) = await RunAsync("upload", path, "--as", "anna");
        var (correctExit, correct) = await RunAsync("correct", id, path);
        var (translateExit, translate) = await RunAsync("translate", id, path, "--language", "ru");
        var (checkExit, check) = await RunAsync("lists", "check", "media", list);
        var (listExit, listed) = await RunAsync("lists", "upload", "media", list);
        var (assetsExit, assets) = await RunAsync("assets", "add", id, pdf);

        Assert.Equal((2, 2, 2), (uploadExit, correctExit, translateExit));
        Assert.Contains(documentSentence, upload, StringComparison.Ordinal);
        Assert.Contains(documentSentence, correct, StringComparison.Ordinal);
        Assert.Contains(documentSentence, translate, StringComparison.Ordinal);
        Assert.Equal((2, 2), (checkExit, listExit));
        Assert.Contains("The list is larger than 1 KB; split it into several lists.", check, StringComparison.Ordinal);
        Assert.Contains("The list is larger than 1 KB; split it into several lists.", listed, StringComparison.Ordinal);
        Assert.Equal(2, assetsExit);
        Assert.Contains("These files are more than the 2 KB a release's files may take together; send fewer or smaller files.", assets, StringComparison.Ordinal);

        var releases = await harness.Get<Pipeline.Operations.ReleaseOperations>().ListAsync(10, default);
        Assert.Equal([id], releases.Select(r => r.Id));
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(1, status.Version);
        Assert.DoesNotContain("ru", status.Languages);
        Assert.Empty((await harness.Get<Pipeline.Storage.ReleaseBlobStore>().GetManifestAsync(id, default))!.Assets);
        Assert.Empty(await harness.Get<Pipeline.Operations.MediaListOperations>().ListAsync(default));
    }

    [Fact]
    public async Task A_local_file_at_its_limit_is_accepted()
    {
        var docx = TestDocx.Build("Exactly at the limit", "FOR IMMEDIATE RELEASE", "Astana – Body.");
        var path = Write("at-limit.docx", docx);
        Limit("Pipeline:MaxUploadBytes", docx.Length);

        var (exit, text) = await RunAsync("upload", path, "--as", "anna");

        Assert.True(exit == 0, text);
        Assert.Contains("Uploaded at-limit.docx as release", text, StringComparison.Ordinal);
    }
}
