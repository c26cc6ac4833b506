using System.Text;
using Azure.Storage.Blobs;
using PressPipeline.Functions.Uploads;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Functions.Tests;

/// <summary>
/// Files that go with a release through the uploads container: <c>{name}.assets/…</c> beside the document, each blob
/// handed to the real blob trigger function (<see cref="ProcessUpload"/>) in the order a sync tool might put them, on
/// Azurite with the real converter. The release waits for everything its sidecar lists, the files pass the same
/// checks as through the API, and their links work before and after the lift.
/// </summary>
public sealed class BlobDoorAssetsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Lift = new(2026, 12, 3, 5, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Document = TestDocx.Build("Round table with files", "EMBARGOED UNTIL 10:00 Astana time, 3 December 2026", "Astana, 30 November 2026 – The round table met.");
    private static readonly byte[] Russian = TestDocx.Build("Круглый стол с файлами", null, "Астана, 30 ноября 2026 г. — Круглый стол собрался.");
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = FunctionHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<BlobContainerClient> UploadsAsync() => await harness.Storage.EnsureContainerAsync(harness.Options.UploadsContainer, default);

    /// <summary>Puts a blob into the uploads container and hands it to the blob trigger, as Event Grid would.</summary>
    private async Task DropAsync(string name, byte[] content)
    {
        await (await UploadsAsync()).GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true);
        using var trigger = new MemoryStream(content);
        await harness.Function<ProcessUpload>().Run(trigger, name, default);
    }

    private static byte[] Sidecar(string json) => Encoding.UTF8.GetBytes(json);

    private async Task<string> IdOfDocumentAsync() => (await harness.Get<ReleaseStatusStore>().RecentAsync(1, default)).Single().Id;

    [Fact]
    public async Task A_folder_arriving_in_any_order_is_scheduled_only_once_everything_its_sidecar_lists_is_there()
    {
        // The sidecar first, then a file, the translation before its document, the document, and the other file last.
        await DropAsync("2026/roundtable.docx.json", Sidecar("""{ "lists": ["media"], "sendAt": "2026-12-01T09:00", "zone": "Asia/Almaty", "translations": ["ru"], "assets": ["bibliography.pdf", "photo.jpg"] }"""));
        await DropAsync("2026/roundtable.assets/photo.jpg", AssetFixtures.Read("photo-gps.jpg"));
        await DropAsync("2026/roundtable.ru.docx", Russian);
        Assert.Empty(await harness.Get<ReleaseStatusStore>().RecentAsync(5, default)); // the translation waited: the sidecar names it

        await DropAsync("2026/roundtable.docx", Document);
        var id = await IdOfDocumentAsync();
        var waiting = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Converted, waiting.State);
        Assert.Equal(["en", "ru"], waiting.Languages);
        Assert.Equal(
            "Waiting for 2026/roundtable.assets/bibliography.pdf, which the sidecar lists: the release is scheduled when they are in the uploads container.",
            Assert.Single(waiting.InstructionProblems));

        await DropAsync("2026/roundtable.assets/bibliography.pdf", AssetFixtures.Read("bibliography.pdf"));
        var scheduled = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Scheduled, scheduled.State);
        Assert.Empty(scheduled.InstructionProblems);
        Assert.Equal(SendAt, scheduled.Plan!.SendAt);
        var manifest = (await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!;
        Assert.Equal(["assets/photo.jpg", "assets/bibliography.pdf"], manifest.Assets.Select(a => a.Path));
        Assert.Contains(scheduled.History, h => h.Message.Contains("photo.jpg (JPEG photo", StringComparison.Ordinal) && h.Message.Contains("GPS position removed", StringComparison.Ordinal));

        // The same events again (Event Grid delivers at least once) change nothing.
        await DropAsync("2026/roundtable.assets/photo.jpg", AssetFixtures.Read("photo-gps.jpg"));
        await DropAsync("2026/roundtable.docx.json", Sidecar("""{ "lists": ["media"], "sendAt": "2026-12-01T09:00", "zone": "Asia/Almaty", "translations": ["ru"], "assets": ["bibliography.pdf", "photo.jpg"] }"""));
        Assert.Equal(2, (await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!.Assets.Count);

        harness.Time.SetUtcNow(SendAt);
        await harness.RunTimerAndQueueAsync();
        var links = Assert.Single(harness.Distributor.Requests).Downloads!.Select(d => d.Url).ToList();
        Assert.Equal(2, links.Count);
        var photo = FunctionHarness.Serve(await harness.OpenAsync(links[0], id));
        Assert.Equal(200, photo.Status);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(-1, photo.Body.AsSpan().IndexOf((byte[])[0x00, 0x00, 0x0B, 0xB8])); // 3000/100 seconds of latitude: gone
        Assert.Equal(AssetFixtures.Read("bibliography.pdf"), FunctionHarness.Serve(await harness.OpenAsync(links[1], id)).Body);

        harness.Time.SetUtcNow(Lift);
        await harness.RunTimerAndQueueAsync();
        var newsroom = harness.Get<NewsroomUrls>().FolderOf(id).AbsoluteUri;
        foreach (var (link, file) in new[] { (links[0], "assets/photo.jpg"), (links[1], "assets/bibliography.pdf") })
        {
            var moved = FunctionHarness.Serve(await harness.OpenAsync(link, id));
            Assert.Equal(308, moved.Status);
            Assert.Equal(newsroom + file, moved.Location);
        }

        // The uploads container is never changed by the app: what staff put there stays.
        Assert.True(await (await UploadsAsync()).GetBlobClient("2026/roundtable.assets/photo.jpg").ExistsAsync());
    }

    [Fact]
    public async Task A_refused_file_is_said_in_a_sentence_holds_the_schedule_and_stays_in_the_container()
    {
        byte[] program = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];
        await DropAsync("setup.assets/agenda.pdf", program);
        await DropAsync("setup.docx.json", Sidecar("""{ "lists": ["media"], "sendAt": "2026-12-01T09:00", "zone": "Asia/Almaty" }"""));
        await DropAsync("setup.docx", Document);

        var id = await IdOfDocumentAsync();
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        const string Sentence = "'agenda.pdf' is a program, and programs are never published with a release, so it was not added.";
        Assert.Equal(ReleaseState.Converted, status.State);
        Assert.Null(status.Plan);
        Assert.Equal([Sentence], status.InstructionProblems);
        Assert.Single(status.History, h => h.Message.Contains(Sentence, StringComparison.Ordinal));
        Assert.Empty((await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!.Assets);
        Assert.True(await (await UploadsAsync()).GetBlobClient("setup.assets/agenda.pdf").ExistsAsync());

        // Staff put the real PDF in its place: the release moves on, and the refusal is not written twice.
        await DropAsync("setup.assets/agenda.pdf", AssetFixtures.Read("bibliography.pdf"));
        status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Scheduled, status.State);
        Assert.Equal("assets/agenda.pdf", Assert.Single((await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!.Assets).Path);
        Assert.Single(status.History, h => h.Message.Contains(Sentence, StringComparison.Ordinal));
    }
}
