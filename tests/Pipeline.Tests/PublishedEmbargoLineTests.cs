using System.Text;
using PressPipeline.Conversion;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;
using UglyToad.PdfPig;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// With the real reader and renderers on Azurite: what staff chose, not the document's line, is what every variant
/// says about the embargo — the web page and PDF made public, the e-mail and the text (#16).
/// </summary>
public sealed class PublishedEmbargoLineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private const string DocumentLine = "EMBARGOED UNTIL 2 December 2026, 10:00 Astana time";
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now, ReleaseConverter.CreateDefault());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private ReleaseScheduler Scheduler => harness.Get<ReleaseScheduler>();

    private async Task<string> UploadAsync(string title) =>
        (await harness.UploadAsync(TestDocx.Build(title, DocumentLine, "Astana, 30 November 2026 – The round table opens on 2 December.", "###"))).ReleaseId;

    /// <summary>The web page, e-mail and text as stored (what links serve and the e-mail is made of), and the PDF's text.</summary>
    private async Task<string[]> VariantsAsync(string id)
    {
        var store = harness.Get<ReleaseBlobStore>();
        var texts = new List<string>();
        foreach (var file in new[] { ReleaseIntake.WebFileName, "email.html", "release.txt" })
        {
            texts.Add((await store.ReadAsync(id, file, default))!.ToString());
        }

        texts.Add(PdfText((await store.ReadAsync(id, ReleaseIntake.PdfFileName, default))!.ToArray()));
        return [.. texts];
    }

    private async Task<string[]> PublishedAsync(string id)
    {
        var newsroom = harness.Container(harness.Options.NewsroomContainer);
        var page = (await newsroom.GetBlobClient($"{id}/{ReleaseIntake.WebFileName}").DownloadContentAsync()).Value.Content.ToString();
        var pdf = (await newsroom.GetBlobClient($"{id}/{ReleaseIntake.PdfFileName}").DownloadContentAsync()).Value.Content.ToArray();
        return [page, PdfText(pdf)];
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.Append(string.Concat(page.Letters.Select(l => l.Value))).Append(' ');
        }

        return text.ToString();
    }

    [Fact]
    public async Task Publish_now_leaves_no_embargo_line_on_the_published_page_and_pdf_nor_in_the_email_and_text()
    {
        var id = await UploadAsync("Round table on migration, published at once");
        Assert.All(await VariantsAsync(id), v => Assert.Contains("EMBARGOED", v, StringComparison.Ordinal));

        await Scheduler.ScheduleAsync(id, new ReleaseInstructions(["media"], [], "2026-11-30T14:00", "now", "Asia/Almaty"), default);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.NotNull(status.PublishedAt);
        Assert.Equal(ReleaseLineKind.Embargoed, status.ReleaseLine!.Kind);
        Assert.All(await VariantsAsync(id), v => Assert.DoesNotContain("EMBARGOED", v, StringComparison.Ordinal));
        Assert.All(await PublishedAsync(id), v => Assert.DoesNotContain("EMBARGOED", v, StringComparison.Ordinal));
        Assert.All(await PublishedAsync(id), v => Assert.Contains("Round table on migration, published at once", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_publish_time_later_than_the_documents_embargo_is_the_time_every_variant_shows_and_going_back_restores_the_documents()
    {
        var id = await UploadAsync("Round table on migration, lift moved");

        await Scheduler.ScheduleAsync(id, new ReleaseInstructions(["media"], [], "2026-12-01T09:00", "2026-12-03T12:00", "Asia/Almaty"), default);

        Assert.All(await VariantsAsync(id), v =>
        {
            Assert.Contains("3 December 2026", v, StringComparison.Ordinal);
            Assert.Contains("12:00", v, StringComparison.Ordinal);
            Assert.DoesNotContain("2 December 2026", v, StringComparison.Ordinal);
        });

        // Back to the document's own time: the variants say it again.
        await Scheduler.ScheduleAsync(id, new ReleaseInstructions(["media"], [], "2026-12-01T09:00", null, "Asia/Almaty"), default);
        Assert.All(await VariantsAsync(id), v => Assert.Contains("2 December 2026", v, StringComparison.Ordinal));

        await Scheduler.ScheduleAsync(id, new ReleaseInstructions(["media"], [], "2026-12-01T09:00", "2026-12-03T12:00", "Asia/Almaty"), default);
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero));
        await harness.DispatchAsync();
        await harness.WorkAsync();

        Assert.All(await PublishedAsync(id), v =>
        {
            Assert.Contains("3 December 2026", v, StringComparison.Ordinal);
            Assert.DoesNotContain("2 December 2026", v, StringComparison.Ordinal);
        });
        var request = Assert.Single(harness.Distributor.Requests, r => r.ReleaseId == id);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.Zero), request.PublishAt);
    }

    [Fact]
    public async Task A_release_already_public_or_sent_keeps_its_times_with_a_sentence_saying_what_to_do()
    {
        var published = await UploadAsync("Round table, public already");
        await Scheduler.ScheduleAsync(published, new ReleaseInstructions(["media"], [], "2026-12-01T09:00", "now", "Asia/Almaty"), default);
        await harness.DispatchAsync();
        await harness.WorkAsync();
        var sent = await UploadAsync("Round table, sent already");
        await Scheduler.ScheduleAsync(sent, new ReleaseInstructions(["media"], [], "now", null, "Asia/Almaty"), default);
        await harness.DispatchAsync();
        await harness.WorkAsync();

        var later = new ReleaseInstructions(["media"], [], "2026-12-05T09:00", "2026-12-05T10:00", "Asia/Almaty");
        var publicRefusal = await Assert.ThrowsAsync<ReleaseProblemException>(() => Scheduler.ScheduleAsync(published, later, default));
        var sentRefusal = await Assert.ThrowsAsync<ReleaseProblemException>(() => Scheduler.ScheduleAsync(sent, later, default));

        Assert.Equal(ProblemKind.Conflict, publicRefusal.Kind);
        Assert.Equal($"Release {published} has been public on the newsroom since 2026-11-30T11:00 (Asia/Almaty), so its times can no longer change; cancel it to stop an e-mail that has not gone out yet, or send a correction.", publicRefusal.Message);
        Assert.Equal(ProblemKind.Conflict, sentRefusal.Kind);
        Assert.Equal($"Release {sent} has already been sent, so its times can no longer change; to change what journalists received, send a correction (presspipe correct {sent}).", sentRefusal.Message);
        Assert.Equal(ReleaseState.Sent, (await harness.Get<ReleaseStatusStore>().RequireAsync(sent, default)).State);
    }
}
