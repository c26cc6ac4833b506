using System.Text.RegularExpressions;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Functions.Tests;

/// <summary>
/// Every link an e-mail carries goes through <c>/api/files/…</c>: before the lift it serves the holder of the signed
/// link, after it redirects for good to the public newsroom, so the link works before, at and years after the lift.
/// </summary>
public sealed partial class LinksThatAlwaysWorkTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);

    // "10:00 Astana time, 3 December 2026" is 05:00 UTC (Kazakhstan is UTC+5 since March 2024).
    private static readonly DateTimeOffset Lift = new(2026, 12, 3, 5, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = FunctionHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Every_link_of_an_embargoed_email_works_before_at_and_years_after_the_lift()
    {
        var docx = TestDocx.Build("Links that last", "EMBARGOED UNTIL 10:00 Astana time, 3 December 2026", "The body.");
        var id = (await harness.UploadAsync(docx, Flow.Send("2026-12-01T09:00"))).ReleaseId;
        var newsroom = harness.Get<NewsroomUrls>().FolderOf(id).AbsoluteUri;

        // The variants were rendered with the route, not with newsroom addresses (only canonical names the newsroom).
        var store = harness.Get<ReleaseBlobStore>();
        foreach (var file in new[] { "email.html", "release.txt", "index.html" })
        {
            var text = (await store.ReadAsync(id, file, default))!.ToString();
            var links = Links().Matches(text).Select(m => m.Value).Where(l => l.Contains(id, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(links);
            Assert.All(
                links.Where(l => !CanonicalOf(text).Contains(l)),
                l => Assert.StartsWith($"https://press.example.org/api/files/{id}/0.", l, StringComparison.Ordinal));
        }

        harness.Time.SetUtcNow(SendAt);
        await harness.RunTimerAndQueueAsync();
        var sent = Assert.Single(harness.Distributor.Requests);
        Assert.Equal(Lift, sent.PublishAt);
        var pdfLink = sent.PdfUrl!;
        var pageLink = sent.WebPageUrl!;

        // Before the lift: the holder of the link gets the file; an altered signature gets nothing; nothing is public.
        var before = FunctionHarness.Serve(await harness.OpenAsync(pdfLink, id));
        Assert.Equal(200, before.Status);
        Assert.Equal("application/pdf", before.ContentType);
        var forged = new Uri(pdfLink.AbsoluteUri.Replace($"/{id}/0.", $"/{id}/0.x", StringComparison.Ordinal));
        Assert.Equal(403, FunctionHarness.Read(await harness.OpenAsync(forged, id)).Status);
        Assert.Empty(await ListNewsroomAsync(id));

        // At the lift (published by the timer): a permanent redirect to the public copy, which anyone can read.
        harness.Time.SetUtcNow(Lift);
        await harness.RunTimerAndQueueAsync();
        foreach (var (link, file) in new[] { (pdfLink, "release.pdf"), (pageLink, "index.html") })
        {
            var moved = FunctionHarness.Serve(await harness.OpenAsync(link, id));
            Assert.Equal(308, moved.Status);
            Assert.Equal(newsroom + file, moved.Location);
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(moved.Location));
            Assert.True(response.IsSuccessStatusCode, $"{moved.Location} answered {(int)response.StatusCode}");
        }

        // Years later the same e-mail link still leads there: it never expires.
        harness.Time.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(newsroom + "release.pdf", FunctionHarness.Serve(await harness.OpenAsync(pdfLink, id)).Location);
    }

    [Fact]
    public async Task A_translation_s_web_page_shows_its_own_images_before_and_after_the_lift()
    {
        // The Russian sample carries a picture; as a translation its files live under ru/, images included.
        var id = (await harness.UploadAsync(
            TestDocx.Build("Links of a translation", "EMBARGOED UNTIL 10:00 Astana time, 3 December 2026", "The body."),
            Flow.Send("2026-12-01T09:00"))).ReleaseId;
        var russian = AssetFixtures.Sample("mom-kruglyi-stol-2014-ru.docx");
        var added = await harness.Get<ReleaseVersions>().AddAsync(id, [new VersionUpload("ru.docx", new MemoryStream(russian), "ru")], Actor.System, default);
        Assert.Empty(added.Problems);

        // The page's pictures are relative (images/…), so they resolve against the link the page was opened with:
        // the Russian version's link, as the other versions' "Read in" lines carry it.
        var pageLink = harness.Get<SignedLinks>().Create(id, "ru/index.html");
        var page = (await harness.Get<ReleaseBlobStore>().ReadAsync(id, "ru/index.html", default))!.ToString();
        var images = ImageSources().Matches(page).Select(m => new Uri(pageLink, m.Groups["src"].Value.Replace("&amp;", "&", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.StartsWith($"/api/files/{id}/0.", image.AbsolutePath, StringComparison.Ordinal));
        Assert.All(images, image => Assert.Contains("/ru/images/", image.AbsolutePath, StringComparison.Ordinal));

        harness.Time.SetUtcNow(SendAt);
        await harness.RunTimerAndQueueAsync();
        Assert.Equal(200, FunctionHarness.Serve(await harness.OpenAsync(pageLink, id)).Status);
        foreach (var image in images)
        {
            var before = FunctionHarness.Serve(await harness.OpenAsync(image, id));
            Assert.Equal(200, before.Status);
            Assert.StartsWith("image/", before.ContentType, StringComparison.Ordinal);
        }

        Assert.Empty(await ListNewsroomAsync(id));

        harness.Time.SetUtcNow(Lift);
        await harness.RunTimerAndQueueAsync();
        var newsroom = harness.Get<NewsroomUrls>().FolderOf(id).AbsoluteUri;
        foreach (var image in images)
        {
            var moved = FunctionHarness.Serve(await harness.OpenAsync(image, id));
            Assert.Equal(308, moved.Status);
            Assert.StartsWith(newsroom + "ru/images/", moved.Location, StringComparison.Ordinal);
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(moved.Location));
            Assert.True(response.IsSuccessStatusCode, $"{moved.Location} answered {(int)response.StatusCode}");
        }
    }

    private async Task<List<string>> ListNewsroomAsync(string id)
    {
        var container = harness.Container(harness.Options.NewsroomContainer);
        var names = new List<string>();
        if (!await container.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, id + "/", default))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static HashSet<string> CanonicalOf(string html) =>
        [.. Canonical().Matches(html).Select(m => m.Groups["url"].Value)];

    [GeneratedRegex("<img[^>]*\\ssrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ImageSources();

    [GeneratedRegex("https?://[^\\s\"'<>)]+")]
    private static partial Regex Links();

    [GeneratedRegex("(?:rel=\"canonical\" href|property=\"og:url\" content)=\"(?<url>[^\"]+)\"|\"url\":\\s*\"(?<url>[^\"]+)\"")]
    private static partial Regex Canonical();
}
