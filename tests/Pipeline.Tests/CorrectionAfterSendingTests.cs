using System.Text.Json;
using PressPipeline.Conversion;
using PressPipeline.Distribution;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Tests.Infrastructure;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Operations;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests;

/// <summary>
/// A correction after sending (#17), end to end on Azurite with the real reader and renderers, the real distribution
/// and the real SendGrid client against the local endpoint: the corrected version goes as "CORRECTED: …" with staff's
/// note to those the original send reached — not to anyone suppressed or added since — replaces the newsroom copies,
/// and runs under a ledger of its own, so the original's ledger is untouched and nobody gets the correction twice.
/// </summary>
public sealed class CorrectionAfterSendingTests : IAsyncLifetime
{
    private const string Note = "The date of the round table was wrong: it is 22 May";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly Actor Anna = new("anna@iom.example.org", Door.Cli);
    private readonly byte[] correctedDocx = Release("22 May");
    private OperationsHarness harness = null!;

    private ReleaseOperations Releases => harness.Get<ReleaseOperations>();

    public async Task InitializeAsync() =>
        harness = await OperationsHarness.StartAsync(Now, ReleaseConverter.CreateDefault(), new Dictionary<string, string?> { ["SendGrid:BatchSize"] = "2" });

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private static byte[] Release(string date) => TestDocx.Build(
        "Round table on labour migration",
        "FOR IMMEDIATE RELEASE",
        $"Astana, 30 November 2026 – The round table on labour migration takes place on {date} in Astana.",
        "###");

    /// <summary>Sends version 1 to j1–j4 (two batches of two), then j4 unsubscribes and j5 joins the list.</summary>
    private async Task<string> SentReleaseAsync()
    {
        await harness.PutListAsync("media", Journalists(1, 2, 3, 4));
        using var docx = new MemoryStream(Release("21 May"));
        var id = (await Releases.UploadAsync(docx, "round-table.docx", new ReleaseInstructions(["media"], [], "now", "now", "Asia/Almaty"), Anna, default)).ReleaseId;
        await harness.DispatchAsync();
        await harness.WorkAsync();
        Assert.Equal(ReleaseState.Sent, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).State);

        await harness.Get<SuppressionOperations>().AddAsync("j4@outlet.example", "unsubscribed", null, Anna, default);
        await harness.PutListAsync("media", Journalists(1, 2, 3, 4, 5));
        return id;
    }

    private static string Journalists(params int[] numbers) =>
        "email,name,outlet,language\n" + string.Concat(numbers.Select(i => $"j{i}@outlet.example,Journalist {i},Outlet,en\n"));

    private async Task<ReleaseView> CorrectAsync(string id, List<OperationProgress>? progress = null)
    {
        // The same bytes each time: staff sending the same file again.
        using var corrected = new MemoryStream(correctedDocx);
        return await Releases.CorrectAsync(id, corrected, "round-table-v2.docx", Anna, default, Note, progress is null ? null : new ListProgress(progress));
    }

    private static JsonElement Message(ReceivedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task The_correction_reaches_those_the_release_reached_marked_CORRECTED_with_the_note_first_and_replaces_the_newsroom_page()
    {
        var id = await SentReleaseAsync();
        var ledger = harness.Get<IBatchLedger>();
        var originalLedger = await ledger.ListAsync(id, default);
        var sentBefore = harness.Endpoint.Requests.Count;
        var progress = new List<OperationProgress>();

        var view = await CorrectAsync(id, progress);

        var corrections = harness.Endpoint.Requests.Skip(sentBefore).ToArray();
        Assert.Equal(["j1@outlet.example", "j2@outlet.example", "j3@outlet.example"], corrections.SelectMany(r => r.Recipients).Order(StringComparer.Ordinal));
        var message = Message(corrections[0]);
        Assert.Equal("CORRECTED: Round table on labour migration", message.GetProperty("subject").GetString());
        var html = message.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "text/html").GetProperty("value").GetString()!;
        var text = message.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString()!;
        Assert.True(html.IndexOf(Note, StringComparison.Ordinal) is > 0 and var at && at < html.IndexOf("22 May in Astana", StringComparison.Ordinal), "the note comes first in the HTML");
        Assert.StartsWith($"CORRECTED: {Note}", text, StringComparison.Ordinal);

        var page = (await harness.Storage.Container(harness.Options.NewsroomContainer).GetBlobClient($"{id}/{ReleaseIntake.WebFileName}").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("22 May in Astana", page, StringComparison.Ordinal);
        Assert.DoesNotContain("21 May in Astana", page, StringComparison.Ordinal);

        Assert.Equal(2, view.Status.Version);
        Assert.Equal(new CorrectionSent(2, Note, Complete: true), view.Status.Correction);
        Assert.Contains(view.Status.History, h => h.Message.EndsWith($"Note: {Note}", StringComparison.Ordinal) && h.By == Anna);
        Assert.Contains(view.Status.History, h => h.Message.StartsWith("Correction (version 2) sent as CORRECTED to 3 recipient(s)", StringComparison.Ordinal));
        Assert.Equal(ReleaseState.Sent, view.Status.State);

        // The original send's ledger is as it was; the correction has its own.
        Assert.Equal(
            originalLedger.Select(e => (e.BatchId, e.State, string.Join(",", e.Members), e.MessageId)),
            (await ledger.ListAsync(id, default)).Select(e => (e.BatchId, e.State, string.Join(",", e.Members), e.MessageId)));
        Assert.All(await ledger.ListAsync(new CorrectionNotice(2, Note).LedgerIdOf(id), default), e => Assert.Equal(BatchState.Accepted, e.State));
        Assert.Contains(progress, p => p.Step == "sending the correction (batches)" && p.Total is { } total && p.Done == total && total > 0);
    }

    [Fact]
    public async Task A_correction_send_that_stopped_midway_is_finished_by_sending_the_same_file_again_and_nobody_gets_it_twice()
    {
        var id = await SentReleaseAsync();
        var sentBefore = harness.Endpoint.Requests.Count;
        harness.Endpoint.Then(EndpointAnswer.Accept, EndpointAnswer.BadRequest);

        var first = await CorrectAsync(id);
        Assert.Equal(new CorrectionSent(2, Note, Complete: false), first.Status.Correction);
        Assert.Contains("send the same file again to send the rest (nobody gets it twice)", first.Status.History[^1].Message, StringComparison.Ordinal);

        var second = await CorrectAsync(id);
        var third = await Assert.ThrowsAsync<ReleaseProblemException>(() => CorrectAsync(id));

        Assert.Equal(new CorrectionSent(2, Note, Complete: true), second.Status.Correction);
        Assert.Equal(2, second.Status.Version);
        Assert.Equal(ProblemKind.Conflict, third.Kind);
        Assert.Equal($"Release {id}'s correction (version 2) has already been sent to its recipients; nothing was sent again.", third.Message);
        var delivered = harness.Endpoint.Requests.Skip(sentBefore).Where(r => FakeSendGridEndpoint.IsQueued(r.Answer)).SelectMany(r => r.Recipients).ToArray();
        Assert.Equal(["j1@outlet.example", "j2@outlet.example", "j3@outlet.example"], delivered.Order(StringComparer.Ordinal));
    }

    /// <summary>Collects progress on the calling thread, in order.</summary>
    private sealed class ListProgress(List<OperationProgress> seen) : IProgress<OperationProgress>
    {
        public void Report(OperationProgress value) => seen.Add(value);
    }
}
