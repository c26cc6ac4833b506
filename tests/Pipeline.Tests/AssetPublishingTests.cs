using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// Files added to a release on Azurite: stored with it and listed in manifest.json, served to the holder of the
/// signed link before the lift, copied to the newsroom at the publish time and redirected there after it.
/// </summary>
public sealed class AssetPublishingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EmbargoLifts = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);
    private static readonly Actor Officer = Actor.Of("aigerim", Door.Api);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private static AssetUpload Fixture(string name, string? uploadedAs = null) =>
        new(uploadedAs ?? name, BinaryData.FromBytes(File.ReadAllBytes(AssetCheckTests.Fixture(name))));

    private Task<SignedFileResult> OpenAsync(string id, Uri link) =>
        harness.Get<SignedFileReader>().ReadAsync(id, string.Join('/', link.AbsolutePath.Split('/').Skip(4).Select(Uri.UnescapeDataString)), default);

    [Fact]
    public async Task Assets_work_through_the_signed_link_before_the_lift_and_from_the_newsroom_after_it()
    {
        var docx = TestDocx.Build("With files", "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty");
        var id = (await harness.UploadAsync(docx, Flow.Send("2026-12-01T09:00"))).ReleaseId;
        var program = new AssetUpload("report.pdf", BinaryData.FromBytes([(byte)'M', (byte)'Z', 0x90, 0, 3, 0]));

        var report = await harness.Get<ReleaseAssets>().AddAsync(id, [Fixture("bibliography.pdf"), program, Fixture("photo-gps.jpg", "Фото круглого стола.jpeg")], Officer, default);

        // The refused program does not stop the two good files.
        Assert.Equal(["assets/bibliography.pdf", "assets/Фото-круглого-стола.jpg"], report.Added.Select(a => a.Path));
        Assert.Equal("'report.pdf' is a program, and programs are never published with a release, so it was not added.", Assert.Single(report.Refused));
        var manifest = await harness.Get<ReleaseBlobStore>().RequireManifestAsync(id, default);
        Assert.Equal(report.Added, manifest.Assets);
        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Contains(status.History, h => h.Message.StartsWith("Added bibliography.pdf (PDF, ", StringComparison.Ordinal) && h.Message.Contains("GPS position removed", StringComparison.Ordinal) && h.Message.Contains("'report.pdf' is a program", StringComparison.Ordinal));

        var photoLink = harness.Get<SignedLinks>().Create(id, "assets/Фото-круглого-стола.jpg");
        var before = Assert.IsType<SignedFileResult.Found>(await OpenAsync(id, photoLink));
        Assert.Equal("image/jpeg", before.ContentType);
        Assert.Equal(manifest.Assets[1].Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(before.Content.ToMemory().Span)));
        Assert.False(await IsPublicAsync(id, "assets/bibliography.pdf"));

        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        Assert.False(await IsPublicAsync(id, "assets/bibliography.pdf"));
        var downloads = Assert.Single(harness.Distributor.Requests).Downloads!;
        Assert.Equal(["bibliography.pdf", "Фото-круглого-стола.jpg"], downloads.Select(d => d.Name));
        Assert.Equal(["PDF", "JPG"], downloads.Select(d => d.Type));
        Assert.Equal(photoLink, downloads[1].Url);

        harness.Time.SetUtcNow(EmbargoLifts);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        var moved = Assert.IsType<SignedFileResult.Moved>(await OpenAsync(id, photoLink));
        using var http = new HttpClient();
        using var response = await http.GetAsync(moved.PublicUrl);
        Assert.True(response.IsSuccessStatusCode, $"{moved.PublicUrl} answered {response.StatusCode}");
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.Content.ToArray(), await response.Content.ReadAsByteArrayAsync());
        var pdf = await http.GetAsync(harness.Get<NewsroomUrls>().FileOf(id, "assets/bibliography.pdf"));
        Assert.True(pdf.IsSuccessStatusCode);
        Assert.Equal(File.ReadAllBytes(AssetCheckTests.Fixture("bibliography.pdf")), await pdf.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_same_file_added_twice_is_kept_once_and_a_different_one_of_the_same_name_gets_its_own()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Twice"))).ReleaseId;
        var assets = harness.Get<ReleaseAssets>();

        await assets.AddAsync(id, [Fixture("data.csv")], Officer, default);
        await assets.AddAsync(id, [Fixture("data.csv")], Officer, default);
        await assets.AddAsync(id, [new AssetUpload("data.csv", BinaryData.FromString("other,table\n1,2\n"))], Officer, default);

        var manifest = await harness.Get<ReleaseBlobStore>().RequireManifestAsync(id, default);
        Assert.Equal(["assets/data.csv", "assets/data-2.csv"], manifest.Assets.Select(a => a.Path));
    }

    [Fact]
    public async Task Files_cannot_be_added_once_sending_started()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("Gone"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        var error = await Assert.ThrowsAsync<ReleaseProblemException>(() => harness.Get<ReleaseAssets>().AddAsync(id, [Fixture("data.csv")], Officer, default));

        Assert.Equal(ProblemKind.Conflict, error.Kind);
        Assert.Contains("files can no longer be added", error.Message, StringComparison.Ordinal);
    }

    private async Task<bool> IsPublicAsync(string id, string file) =>
        await harness.Container(harness.Options.NewsroomContainer).GetBlobClient($"{id}/{file}").ExistsAsync();
}
