using System.Net.Http.Headers;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Http;
using PressPipeline.Functions.Api;
using PressPipeline.Functions.Uploads;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Functions.Tests;

/// <summary>
/// The API's changes of a release hold its write lock as the blob door's settle does (<see cref="ReleaseWriteLock"/>),
/// on Azurite with the real converter: files added through the API while a blob-folder settle of the same release
/// runs are all kept beside the settle's, and while another change holds the release every changing route answers 409
/// with one sentence and writes nothing.
/// </summary>
public sealed class ReleaseWriteLockApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static HttpRequest Files(string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", name);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = form.Headers.ContentType!.ToString();
        var bytes = form.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request.As("aigerim@iom.example.org");
    }

    [Fact]
    public async Task Files_added_through_the_api_during_a_blob_folder_settle_are_all_kept()
    {
        await using var harness = FunctionHarness.Start(Now);
        var uploads = await harness.Storage.EnsureContainerAsync(harness.Options.UploadsContainer, default);
        var store = harness.Get<ReleaseBlobStore>();
        var random = new Random(606);
        for (var round = 0; round < 3; round++)
        {
            var document = TestDocx.Build($"Round table {round}", "FOR IMMEDIATE RELEASE", "Astana, 30 November 2026 – The round table met.");
            await uploads.GetBlobClient($"race-{round}.docx").UploadAsync(new BinaryData(document));
            await harness.Function<ProcessUpload>().Run(new MemoryStream(document), $"race-{round}.docx", default);
            var id = ReleaseId.FromContent(document);
            var folderFile = $"race-{round}.assets/data.csv";
            await uploads.GetBlobClient(folderFile).UploadAsync(new BinaryData(AssetFixtures.Read("data.csv")));

            // The blob's event and three API calls (one file each, as from three desks) start together, each a seeded
            // few milliseconds late, as Event Grid and staff would.
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var settleDelay = random.Next(0, 40);
            var settle = Task.Run(async () =>
            {
                await go.Task;
                await Task.Delay(settleDelay);
                await harness.Function<ProcessUpload>().Run(new MemoryStream(AssetFixtures.Read("data.csv")), folderFile, default);
            });
            var calls = Enumerable.Range(1, 3).Select(n =>
            {
                var delay = random.Next(0, 40);
                var csv = System.Text.Encoding.UTF8.GetBytes($"region,migrants\nAstana,{(round * 10) + n}\n");
                return Task.Run(async () =>
                {
                    await go.Task;
                    await Task.Delay(delay);
                    return FunctionHarness.Read(await harness.Function<AddReleaseAssets>().Run(Files($"table-{n}.csv", csv), id, default)).Status;
                });
            }).ToList();
            var api = Task.WhenAll(calls);
            go.SetResult();
            await settle;

            Assert.All(await api, status => Assert.Equal(200, status));
            var manifest = await store.RequireManifestAsync(id, default);
            Assert.Equal(
                ["assets/data.csv", "assets/table-1.csv", "assets/table-2.csv", "assets/table-3.csv"],
                manifest.Assets.Select(a => a.Path).Order(StringComparer.Ordinal));
            foreach (var asset in manifest.Assets)
            {
                Assert.NotNull(await store.ReadAsync(id, asset.Path, default));
            }
        }
    }

    [Fact]
    public async Task Every_route_that_changes_a_release_answers_409_with_one_sentence_while_another_change_holds_it()
    {
        await using var harness = await FunctionHarness.StartAsync(Now, new Dictionary<string, string?> { ["Pipeline:ReleaseLeaseWait"] = "00:00:02" });
        var document = TestDocx.Build("Busy round table", "FOR IMMEDIATE RELEASE", "Astana, 30 November 2026 – The round table met.");
        var id = (await harness.Get<ReleaseOperations>().UploadAsync(new MemoryStream(document), "busy.docx", ReleaseInstructions.None, Actor.Of("aigerim", Door.Api), default)).ReleaseId;
        var store = harness.Get<ReleaseBlobStore>();
        var manifestBefore = (await store.ReadAsync(id, ReleaseBlobStore.ManifestName, default))!.ToString();
        // Another instance holds the release (its lock blob, leased with a lease id of its own).
        var lockBlob = (await store.ContainerAsync(default)).GetBlobClient($"{id}/{ReleaseWriteLock.LockName}");
        await lockBlob.UploadAsync(BinaryData.Empty, overwrite: true);
        var lease = lockBlob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(60));
        try
        {
            var answers = new[]
            {
                await harness.Function<AddReleaseAssets>().Run(Files("bibliography.pdf", AssetFixtures.Read("bibliography.pdf")), id, default),
                await harness.Function<TranslateRelease>().Run(
                    FunctionHarness.Multipart(TestDocx.Build("Круглый стол", null, "Астана — Текст."), new Dictionary<string, string> { ["language"] = "ru" }).As("aigerim@iom.example.org"), id, default),
                await harness.Function<CorrectRelease>().Run(
                    FunctionHarness.Multipart(TestDocx.Build("Busy round table, corrected", "FOR IMMEDIATE RELEASE", "Body."), new Dictionary<string, string>()).As("aigerim@iom.example.org"), id, default),
            };

            foreach (var answer in answers)
            {
                var (status, body) = FunctionHarness.Read(answer);
                Assert.Equal(409, status);
                Assert.Equal(ReleaseBusyException.Sentence, body.GetProperty("error").GetString());
            }

            Assert.Equal(manifestBefore, (await store.ReadAsync(id, ReleaseBlobStore.ManifestName, default))!.ToString());
            Assert.Null(await store.ReadAsync(id, "assets/bibliography.pdf", default));
            Assert.Equal(1, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).Version);
        }
        finally
        {
            await lease.ReleaseAsync();
        }

        var (freed, _) = FunctionHarness.Read(await harness.Function<AddReleaseAssets>().Run(Files("bibliography.pdf", AssetFixtures.Read("bibliography.pdf")), id, default));
        Assert.Equal(200, freed);
    }
}
