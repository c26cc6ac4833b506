using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressPipeline.Functions.Dispatch;
using PressPipeline.Functions.Files;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;

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

    private async Task<IActionResult> OpenAsync(Uri link, string id) =>
        await harness.Function<SignedFile>().Run(FunctionHarness.Json("GET"), id, link.AbsolutePath[$"/api/files/{id}/".Length..], default);

    private async Task RunTimerAndQueueAsync()
    {
        await harness.Function<DispatchDue>().Run(new TimerInfo(), default);
        foreach (var message in await harness.Get<WorkQueue>().ReceiveAsync(32, TimeSpan.FromMinutes(1), default))
        {
            await harness.Function<DoReleaseWork>().Run(message.Body, default);
        }
    }

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
        await RunTimerAndQueueAsync();
        var sent = Assert.Single(harness.Distributor.Requests);
        Assert.Equal(Lift, sent.PublishAt);
        var pdfLink = sent.PdfUrl!;
        var pageLink = sent.WebPageUrl!;

        // Before the lift: the holder of the link gets the file; an altered signature gets nothing; nothing is public.
        var before = FunctionHarness.Serve(await OpenAsync(pdfLink, id));
        Assert.Equal(200, before.Status);
        Assert.Equal("application/pdf", before.ContentType);
        var forged = new Uri(pdfLink.AbsoluteUri.Replace($"/{id}/0.", $"/{id}/0.x", StringComparison.Ordinal));
        Assert.Equal(403, FunctionHarness.Read(await OpenAsync(forged, id)).Status);
        Assert.Empty(await ListNewsroomAsync(id));

        // At the lift (published by the timer): a permanent redirect to the public copy, which anyone can read.
        harness.Time.SetUtcNow(Lift);
        await RunTimerAndQueueAsync();
        foreach (var (link, file) in new[] { (pdfLink, "release.pdf"), (pageLink, "index.html") })
        {
            var moved = FunctionHarness.Serve(await OpenAsync(link, id));
            Assert.Equal(308, moved.Status);
            Assert.Equal(newsroom + file, moved.Location);
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(moved.Location));
            Assert.True(response.IsSuccessStatusCode, $"{moved.Location} answered {(int)response.StatusCode}");
        }

        // Years later the same e-mail link still leads there: it never expires.
        harness.Time.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(newsroom + "release.pdf", FunctionHarness.Serve(await OpenAsync(pdfLink, id)).Location);
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

    [GeneratedRegex("https?://[^\\s\"'<>)]+")]
    private static partial Regex Links();

    [GeneratedRegex("(?:rel=\"canonical\" href|property=\"og:url\" content)=\"(?<url>[^\"]+)\"|\"url\":\\s*\"(?<url>[^\"]+)\"")]
    private static partial Regex Canonical();
}
