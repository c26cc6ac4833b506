using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PressPipeline.Conversion;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// Files added to a release in three languages, with the real converter on Azurite: every version's web page and
/// release.txt are rendered again to list them as downloads with type and size in that version's language, through
/// the links the e-mail carries, which serve the files before the lift and the newsroom after it.
/// </summary>
public sealed partial class AssetLinksOnPagesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EmbargoLifts = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);
    private static readonly Actor Officer = Actor.Of("aigerim", Door.Api);
    private PipelineHarness harness = null!;

    /// <summary>What each version's list must say: its heading and each file's type and size in its language.</summary>
    private static readonly Dictionary<string, (string Heading, string Pdf, string Csv)> Expected = new()
    {
        ["en"] = ("Downloads", "bibliography.pdf (PDF, 0.1 MB)", "figures.csv (CSV, 1.3 MB)"),
        ["ru"] = ("Файлы для скачивания", "bibliography.pdf (PDF, 0,1 МБ)", "figures.csv (CSV, 1,3 МБ)"),
        ["kk"] = ("Жүктеп алуға арналған файлдар", "bibliography.pdf (PDF, 0,1 МБ)", "figures.csv (CSV, 1,3 МБ)"),
    };

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now, ReleaseConverter.CreateDefault());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Two_files_are_listed_on_every_versions_web_page_and_text_and_their_links_work_before_and_after_the_lift()
    {
        var id = (await harness.UploadAsync(
            TestDocx.Build("Round table on migration", "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty", "Astana – The round table met."),
            Flow.Send("2026-12-01T09:00"))).ReleaseId;
        await harness.Get<ReleaseVersions>().AddAsync(
            id,
            [
                new VersionUpload("ru.docx", new MemoryStream(TestDocx.Build("Круглый стол по миграции", null, "Астана — Круглый стол собрался сегодня."))),
                new VersionUpload("kk.docx", new MemoryStream(TestDocx.Build("Көші-қон жөніндегі дөңгелек үстел", null, "Астана — Дөңгелек үстел бүгін өтті."))),
            ],
            Officer,
            default);
        var store = harness.Get<ReleaseBlobStore>();
        var pdfBefore = await PdfStampsAsync(id);

        var report = await harness.Get<ReleaseAssets>().AddAsync(
            id,
            [new AssetUpload("bibliography.pdf", BinaryData.FromBytes(File.ReadAllBytes(AssetCheckTests.Fixture("bibliography.pdf")))), new AssetUpload("figures.csv", BinaryData.FromBytes(Figures()))],
            Officer,
            default);

        Assert.Empty(report.Refused);
        var manifest = await store.RequireManifestAsync(id, default);
        Assert.Equal(["assets/bibliography.pdf", "assets/figures.csv"], manifest.Assets.Select(a => a.Path));
        Assert.Equal(["en", "ru", "kk"], manifest.Versions.Select(v => v.Language));
        var links = harness.Get<SignedLinks>();
        var expectedLinks = manifest.Assets.Select(a => links.Create(id, a.Path)).ToList();

        // The PDF does not list the files, so it is not written again (nor the e-mail variant or images).
        Assert.Equal(pdfBefore, await PdfStampsAsync(id));

        foreach (var version in manifest.Versions)
        {
            var (heading, pdf, csv) = Expected[version.Language];
            var page = (await store.ReadAsync(id, version.Folder + "index.html", default))!.ToString();
            var text = (await store.ReadAsync(id, version.Folder + "release.txt", default))!.ToString();

            // The page: a titled section with a list whose link texts name file, type and size.
            var section = DownloadsSection().Match(page);
            Assert.True(section.Success, $"The {version.Language} web page has no downloads section.");
            Assert.Contains($"<h2 id=\"release-downloads\">{heading}</h2>", section.Value, StringComparison.Ordinal);
            var anchors = Anchor().Matches(section.Value).Select(m => (Url: new Uri(WebUtility.HtmlDecode(m.Groups["href"].Value)), Text: m.Groups["text"].Value)).ToList();
            Assert.Equal([pdf, csv], anchors.Select(a => a.Text));
            Assert.Equal(expectedLinks, anchors.Select(a => a.Url));
            Assert.Contains("type=\"application/pdf\"", section.Value, StringComparison.Ordinal);

            // The text: the same list under the same heading, each with its link.
            Assert.Contains($"{heading}:\n- {pdf}: {expectedLinks[0].AbsoluteUri}\n- {csv}: {expectedLinks[1].AbsoluteUri}\n", text, StringComparison.Ordinal);

            // Before the lift every link serves the file itself to the holder.
            foreach (var (url, asset) in anchors.Select(a => a.Url).Zip(manifest.Assets))
            {
                var found = Assert.IsType<SignedFileResult.Found>(await OpenAsync(id, url));
                Assert.Equal(asset.Sha256, Sha256(found.Content.ToArray()));
                Assert.Equal(asset.ContentType, found.ContentType);
            }
        }

        // The manifest describes the pages as stored now (status.json too).
        foreach (var file in manifest.AllFiles.Where(f => f.Variant is "web" or "text"))
        {
            Assert.Equal(file.Sha256, Sha256((await store.ReadAsync(id, file.Path, default))!.ToArray()));
        }

        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(manifest.StoredFiles(), status.Files);

        harness.Time.SetUtcNow(SendAt);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        harness.Time.SetUtcNow(EmbargoLifts);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        // After the lift: the published page of every version lists both files, and the same links lead to the newsroom.
        using var http = new HttpClient();
        foreach (var version in manifest.Versions)
        {
            var (_, pdf, csv) = Expected[version.Language];
            var published = await http.GetStringAsync(harness.Get<NewsroomUrls>().FileOf(id, version.Folder + "index.html"));
            var anchors = Anchor().Matches(DownloadsSection().Match(published).Value).ToList();
            Assert.Equal([pdf, csv], anchors.Select(a => a.Groups["text"].Value));
            foreach (var (anchor, asset) in anchors.Zip(manifest.Assets))
            {
                var moved = Assert.IsType<SignedFileResult.Moved>(await OpenAsync(id, new Uri(WebUtility.HtmlDecode(anchor.Groups["href"].Value))));
                var bytes = await http.GetByteArrayAsync(moved.PublicUrl);
                Assert.Equal(asset.Sha256, Sha256(bytes));
            }
        }
    }

    [Fact]
    public async Task A_plan_change_renders_the_list_again_and_keeps_the_files()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("With a data sheet", "EMBARGOED UNTIL 2026-12-02T10:00 Asia/Almaty", "Astana – Figures."))).ReleaseId;
        await harness.Get<ReleaseAssets>().AddAsync(id, [new AssetUpload("figures.csv", BinaryData.FromBytes(Figures()))], Officer, default);
        var store = harness.Get<ReleaseBlobStore>();
        var link = harness.Get<SignedLinks>().Create(id, "assets/figures.csv");
        var listed = $"- figures.csv (CSV, 1.3 MB): {link.AbsoluteUri}\n";

        // Publishing later than the document's embargo renders the variants again (another embargo line).
        await harness.Get<Scheduling.ReleaseScheduler>().ScheduleAsync(id, Flow.Send("2026-12-01T09:00", publishAt: "2026-12-03T12:00"), default);
        var afterPlan = await store.RequireManifestAsync(id, default);
        var text = (await store.ReadAsync(id, "release.txt", default))!.ToString();
        Assert.Contains("3 December 2026", text, StringComparison.Ordinal);
        Assert.Contains(listed, text, StringComparison.Ordinal);
        Assert.Equal(["assets/figures.csv"], afterPlan.Assets.Select(a => a.Path));
    }

    /// <summary>A table of about 1.3 MB, so the sizes show a decimal separator other than zero.</summary>
    internal static byte[] Figures()
    {
        var csv = new StringBuilder("year,region,migrants\n");
        for (var row = 0; csv.Length < 1_380_000; row++)
        {
            csv.Append(2000 + (row % 25)).Append(",Region ").Append(row % 17).Append(',').Append(row * 7 % 100_000).Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private async Task<IReadOnlyList<string>> PdfStampsAsync(string id)
    {
        var stamps = new List<string>();
        foreach (var name in new[] { "release.pdf", "ru/release.pdf", "kk/release.pdf" })
        {
            var properties = await harness.Container(harness.Options.ReleasesContainer).GetBlobClient($"{id}/{name}").GetPropertiesAsync();
            stamps.Add(properties.Value.ETag.ToString());
        }

        return stamps;
    }

    private Task<SignedFileResult> OpenAsync(string id, Uri link) =>
        harness.Get<SignedFileReader>().ReadAsync(id, string.Join('/', link.AbsolutePath.Split('/').Skip(4).Select(Uri.UnescapeDataString)), default);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    [GeneratedRegex("<section class=\"release-downloads\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex DownloadsSection();

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\"[^>]*>(?<text>[^<]+)</a>")]
    private static partial Regex Anchor();
}

/// <summary>A correction before sending, through the operations service staff use, keeps the files and the list.</summary>
public sealed class AssetLinksAfterCorrectionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly Actor Officer = Actor.Of("aigerim", Door.Cli);
    private OperationsHarness harness = null!;

    public async Task InitializeAsync() => harness = await OperationsHarness.StartAsync(Now, ReleaseConverter.CreateDefault());

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task The_corrected_web_page_and_text_list_the_files_added_before()
    {
        var releases = harness.Get<Operations.ReleaseOperations>();
        using var first = new MemoryStream(TestDocx.Build("With a data sheet", "FOR IMMEDIATE RELEASE", "Astana – Figures."));
        var id = (await releases.UploadAsync(first, "release.docx", ReleaseInstructions.None, Officer, default)).ReleaseId;
        await harness.Get<ReleaseAssets>().AddAsync(id, [new AssetUpload("figures.csv", BinaryData.FromBytes(AssetLinksOnPagesTests.Figures()))], Officer, default);

        using var corrected = new MemoryStream(TestDocx.Build("With a data sheet, corrected", "FOR IMMEDIATE RELEASE", "Astana – Figures."));
        await releases.CorrectAsync(id, corrected, "v2.docx", Officer, default);

        var store = harness.Get<ReleaseBlobStore>();
        var manifest = await store.RequireManifestAsync(id, default);
        var link = harness.Get<SignedLinks>().Create(id, "assets/figures.csv");
        Assert.Equal("With a data sheet, corrected", manifest.Main.Metadata.Title);
        Assert.Equal(["assets/figures.csv"], manifest.Assets.Select(a => a.Path));
        Assert.Contains($"- figures.csv (CSV, 1.3 MB): {link.AbsoluteUri}\n", (await store.ReadAsync(id, "release.txt", default))!.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            $"<a href=\"{link.AbsoluteUri}\" type=\"text/csv; charset=utf-8\">figures.csv (CSV, 1.3 MB)</a>",
            (await store.ReadAsync(id, "index.html", default))!.ToString(),
            StringComparison.Ordinal);
    }
}
