using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using PressPipeline.Functions.Api;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Functions.Tests;

/// <summary>
/// Files added through <c>POST /api/releases/{id}/assets</c> on Azurite: the refused one is named in a sentence and
/// the others kept; the e-mail's asset links go through <c>/api/files/…</c>, serving the file before the lift and
/// redirecting to the public newsroom after it.
/// </summary>
public sealed class AssetsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Lift = new(2026, 12, 3, 5, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = FunctionHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private static HttpRequest Files(params (string Name, byte[] Content, string DeclaredType)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content, declared) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(declared);
            form.Add(part, "file", name);
        }

        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = form.Headers.ContentType!.ToString();
        var bytes = form.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }

    [Fact]
    public async Task Assets_added_through_the_api_are_linked_and_work_before_and_after_the_lift()
    {
        var docx = TestDocx.Build("With files", "EMBARGOED UNTIL 10:00 Astana time, 3 December 2026", "The body.");
        var id = (await harness.UploadAsync(docx, Flow.Send("2026-12-01T09:00"))).ReleaseId;
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];

        var answer = await harness.Function<AddReleaseAssets>().Run(
            Files(("bibliography.pdf", AssetFixtures.Read("bibliography.pdf"), "application/pdf"), ("evil.pdf", elf, "application/pdf"), ("photo.jpg", AssetFixtures.Read("photo-gps.jpg"), "image/jpeg")).As("aigerim"),
            id,
            default);

        var (status, body) = FunctionHarness.Read(answer);
        Assert.Equal(200, status);
        Assert.Equal(["assets/bibliography.pdf", "assets/photo.jpg"], body.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("path").GetString()));
        Assert.Equal("'evil.pdf' is a program, and programs are never published with a release, so it was not added.", Assert.Single(body.GetProperty("refused").EnumerateArray()).GetString());

        harness.Time.SetUtcNow(SendAt);
        await harness.RunTimerAndQueueAsync();
        var links = Assert.Single(harness.Distributor.Requests).Downloads!.Select(d => d.Url).ToList();
        Assert.Equal(2, links.Count);

        // The signed-file route is shared with the local host: what it writes to the response is what a reader gets.
        var before = FunctionHarness.Serve(await harness.OpenAsync(links[0], id));
        Assert.Equal(200, before.Status);
        Assert.Equal("application/pdf", before.ContentType);
        Assert.Equal(AssetFixtures.Read("bibliography.pdf"), before.Body);
        var photo = FunctionHarness.Serve(await harness.OpenAsync(links[1], id));
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal(-1, photo.Body.AsSpan().IndexOf((byte[])[0x00, 0x00, 0x0B, 0xB8])); // 3000/100 seconds of latitude: gone

        harness.Time.SetUtcNow(Lift);
        await harness.RunTimerAndQueueAsync();
        var newsroom = harness.Get<NewsroomUrls>().FolderOf(id).AbsoluteUri;
        foreach (var (link, file) in new[] { (links[0], "assets/bibliography.pdf"), (links[1], "assets/photo.jpg") })
        {
            var moved = FunctionHarness.Serve(await harness.OpenAsync(link, id));
            Assert.Equal(308, moved.Status);
            Assert.Equal(newsroom + file, moved.Location);
            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(moved.Location));
            Assert.True(response.IsSuccessStatusCode, $"{moved.Location} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_form_without_files_is_a_400_with_a_sentence()
    {
        var id = (await harness.UploadAsync(TestDocx.Build("No files"))).ReleaseId;

        var (status, body) = FunctionHarness.Read(await harness.Function<AddReleaseAssets>().Run(FunctionHarness.Multipart(null, new Dictionary<string, string> { ["note"] = "x" }), id, default));

        Assert.Equal(400, status);
        Assert.StartsWith("Attach at least one file", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
