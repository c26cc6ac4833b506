using System.Text;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// The blobs of one release in the uploads container (<see cref="UploadGroup"/>): how their names are read, and files
/// arriving together on Azurite, each handled by its own event at the same time, all end up in the manifest.
/// </summary>
public sealed class UploadGroupTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Theory]
    [InlineData("roundtable.assets/photo.jpg", "roundtable.docx", "photo.jpg")]
    [InlineData("2026/roundtable.assets/Фото 1.JPEG", "2026/roundtable.docx", "Фото 1.JPEG")]
    [InlineData("a.b.assets/data.csv", "a.b.docx", "data.csv")]
    public void A_file_under_name_assets_belongs_to_name_docx(string blob, string document, string file) =>
        Assert.Equal((document, file), UploadGroup.AssetOf(blob));

    [Theory]
    [InlineData("roundtable.docx")]
    [InlineData("roundtable.docx.json")]
    [InlineData("roundtable.assets/")]
    [InlineData(".assets/photo.jpg")]
    [InlineData("roundtable.assets/more/photo.jpg")]
    public void Other_names_are_not_files_of_a_release(string blob) => Assert.Null(UploadGroup.AssetOf(blob));

    [Fact]
    public void The_sidecar_lists_what_to_wait_for_as_arrays_or_comma_separated_text()
    {
        var arrays = UploadGroup.ExpectedFrom("""{ "lists": ["media"], "translations": ["RU", "kk", "not a language"], "assets": ["bibliography.pdf", "folder\\photo.jpg"] }""");
        var text = UploadGroup.ExpectedFrom("""{ "Translations": "ru, kk", "Assets": "bibliography.pdf" }""");

        Assert.Equal(["ru", "kk"], arrays.Translations);
        Assert.Equal(["bibliography.pdf", "photo.jpg"], arrays.Assets);
        Assert.Equal(["ru", "kk"], text.Translations);
        Assert.Equal(["bibliography.pdf"], text.Assets);
        Assert.Equal(UploadGroup.Expected.Nothing, UploadGroup.ExpectedFrom("{ lists: broken"));
        Assert.Empty(UploadGroup.ExpectedFrom("""{ "lists": ["media"] }""").Assets);
    }

    [Fact]
    public async Task Files_arriving_together_are_all_kept_though_their_events_run_at_once()
    {
        var uploads = await harness.Storage.EnsureContainerAsync(harness.Options.UploadsContainer, default);
        await harness.Get<UploadsInbox>().PutAsync("together.docx", new MemoryStream(TestDocx.Build("Files together")), ReleaseInstructions.None, default);
        var processor = harness.Get<UploadProcessor>();
        var id = (await processor.ProcessAsync("together.docx", null, default))!.ReleaseId;

        // Each file's event starts as soon as it is put, as Event Grid would: the first settles see fewer files than the last.
        string[] files = ["bibliography.pdf", "data.csv", "data.xlsx", "photo-gps.jpg", "photo-gps-le.jpg"];
        var events = new List<Task<IntakeResult?>>();
        foreach (var file in files)
        {
            await uploads.GetBlobClient("together.assets/" + file).UploadAsync(new BinaryData(File.ReadAllBytes(AssetCheckTests.Fixture(file))));
            events.Add(Task.Run(() => processor.ProcessAsync("together.assets/" + file, null, default)));
        }

        var results = await Task.WhenAll(events);

        Assert.All(results, r => Assert.Equal(id, r!.ReleaseId));
        var manifest = (await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!;
        Assert.Equal(files.Length, manifest.Assets.Count);
        Assert.Equal(ReleaseState.Converted, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).State);
        Assert.DoesNotContain(manifest.StoredFiles(), f => f.FileName.EndsWith(ReleaseWriteLock.LockName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_settle_waits_while_another_settle_of_the_same_release_holds_its_lock()
    {
        var uploads = await harness.Storage.EnsureContainerAsync(harness.Options.UploadsContainer, default);
        await harness.Get<UploadsInbox>().PutAsync("locked.docx", new MemoryStream(TestDocx.Build("Locked")), ReleaseInstructions.None, default);
        var processor = harness.Get<UploadProcessor>();
        var id = (await processor.ProcessAsync("locked.docx", null, default))!.ReleaseId;
        await uploads.GetBlobClient("locked.assets/data.csv").UploadAsync(new BinaryData(File.ReadAllBytes(AssetCheckTests.Fixture("data.csv"))));

        Task<IntakeResult?> waiting;
        await using (await harness.Get<ReleaseWriteLocks>().AcquireAsync(id, default))
        {
            // Without the lock, this settle would write manifest.json while the other one (this test) holds the release.
            waiting = Task.Run(() => processor.ProcessAsync("locked.assets/data.csv", null, default));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(waiting.IsCompleted, "The second settle did not wait for the lock.");
            Assert.Empty((await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!.Assets);
        }

        Assert.Equal(id, (await waiting.WaitAsync(TimeSpan.FromSeconds(30)))!.ReleaseId);
        Assert.Single((await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!.Assets);
    }

    [Fact]
    public async Task A_file_arriving_after_sending_started_is_not_added_and_the_history_says_so()
    {
        var docx = TestDocx.Build("Sent already");
        var id = (await harness.UploadAsync(docx, Flow.Send("2026-12-01T09:00"))).ReleaseId;
        var uploads = await harness.Storage.EnsureContainerAsync(harness.Options.UploadsContainer, default);
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        await harness.Get<UploadsInbox>().PutAsync("late.docx", new MemoryStream(docx), ReleaseInstructions.None, default);
        await harness.Get<ReleaseStatusStore>().UpdateAsync(id, s => s.MoveTo(ReleaseState.Sending, Now, "Sending."), default);
        await uploads.GetBlobClient("late.assets/photo.jpg").UploadAsync(new BinaryData(Encoding.ASCII.GetBytes("late")));

        var result = (await harness.Get<UploadProcessor>().ProcessAsync("late.assets/photo.jpg", null, default))!;

        Assert.Equal(status.Id, result.ReleaseId);
        Assert.StartsWith("late.assets/photo.jpg arrived in the uploads container after the release had gone out (Sending)", result.InstructionProblem, StringComparison.Ordinal);
        Assert.Contains((await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).History, h => h.Message == result.InstructionProblem);
        Assert.Empty((await harness.Get<ReleaseBlobStore>().GetManifestAsync(id, default))!.Assets);
    }
}
