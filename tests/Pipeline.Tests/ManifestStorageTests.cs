using System.Security.Cryptography;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>manifest.json in the release folder: one type for the CLI and the pipeline, and older ones still read.</summary>
public sealed class ManifestStorageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Pipeline_manifest_lists_every_stored_file_with_its_hash_and_the_source()
    {
        var docx = TestDocx.Build("Roundtable on migration", "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – Body.");

        var result = await harness.UploadAsync(docx, name: "roundtable.docx");

        var store = harness.Get<ReleaseBlobStore>();
        var manifest = (await store.GetManifestAsync(result.ReleaseId, default))!;
        Assert.Equal(result.ReleaseId, manifest.Id);
        var version = Assert.Single(manifest.Versions);
        Assert.True(version.Main);
        Assert.Equal(new("roundtable.docx", docx.Length, Convert.ToHexStringLower(SHA256.HashData(docx))), version.Source);
        Assert.Empty(manifest.Assets);
        Assert.NotEmpty(version.Files);
        foreach (var file in version.Files)
        {
            var bytes = (await store.ReadAsync(result.ReleaseId, file.Path, default))!.ToArray();
            Assert.Equal(file.Size, bytes.Length);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        }

        Assert.Equal(manifest.StoredFiles(), result.Status.Files);
    }

    [Fact]
    public async Task A_manifest_written_before_versions_existed_is_still_read()
    {
        const string id = "0123456789abcdef0123";
        var legacy = """
            {
              "id": "0123456789abcdef0123",
              "sourceName": "old.docx",
              "title": "Круглый стол",
              "language": "ru-RU",
              "organisation": "IOM",
              "mediaContactEmail": "press@example.org",
              "releaseLine": { "kind": "Embargoed", "text": "EMBARGO", "liftsAt": "2026-12-01T06:30:00+00:00", "timeZoneId": "Asia/Almaty" },
              "files": [ { "variant": "web", "fileName": "index.html", "contentType": "text/html; charset=utf-8", "bytes": 12 } ],
              "warnings": [ { "code": "image.alt-missing", "message": "A picture has no alternative text." } ],
              "convertedAt": "2026-11-30T06:00:00+00:00"
            }
            """u8.ToArray();
        var store = harness.Get<ReleaseBlobStore>();
        await store.SaveFileAsync(id, ReleaseBlobStore.ManifestName, "application/json", legacy, default);

        var manifest = (await store.GetManifestAsync(id, default))!;

        Assert.Equal(id, manifest.Id);
        Assert.Equal("Круглый стол", manifest.Title());
        Assert.Equal("ru-RU", manifest.Language());
        Assert.Equal("press@example.org", manifest.Main.Metadata.MediaContactEmail);
        Assert.Equal(ReleaseLineKind.Embargoed, manifest.ReleaseLine().Kind);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero), manifest.ReleaseLine().LiftsAt);
        Assert.Equal("index.html", manifest.FileOf("web")!.FileName);
        Assert.Equal(["A picture has no alternative text."], manifest.WarningSentences());
    }
}
