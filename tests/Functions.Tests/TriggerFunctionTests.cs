using Microsoft.Azure.Functions.Worker;
using PressPipeline.Functions.Dispatch;
using PressPipeline.Functions.Files;
using PressPipeline.Functions.Uploads;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Functions.Tests;

public sealed class TriggerFunctionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = FunctionHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<string> UploadThroughTheBlobTriggerAsync(string name, byte[] docx, ReleaseInstructions instructions)
    {
        using (var put = new MemoryStream(docx))
        {
            await harness.Get<UploadsInbox>().PutAsync(name, put, instructions, default);
        }

        using var trigger = new MemoryStream(docx);
        await harness.Function<ProcessUpload>().Run(trigger, name, default);
        return (await harness.Get<ReleaseStatusStore>().RecentAsync(1, default)).Single().Id;
    }

    [Fact]
    public async Task Upload_trigger_converts_with_the_real_converter_and_schedules_from_blob_metadata()
    {
        var id = await UploadThroughTheBlobTriggerAsync(
            "roundtable.docx",
            TestDocx.Build("Roundtable", "FOR IMMEDIATE RELEASE", "Astana, May 14, 2014 – Body text."),
            new ReleaseInstructions(["media"], [], "2026-12-01T09:00", null, "Asia/Almaty"));

        var status = await harness.Get<ReleaseStatusStore>().RequireAsync(id, default);
        Assert.Equal(ReleaseState.Scheduled, status.State);
        Assert.Equal("roundtable.docx", status.SourceName);
        Assert.Contains(status.Files, f => f.Variant == "pdf");
        Assert.Equal(SendAt, status.Plan!.SendAt);
    }

    [Fact]
    public async Task Timer_then_queue_trigger_hand_the_release_to_distribution_once()
    {
        var id = await UploadThroughTheBlobTriggerAsync(
            "send.docx",
            TestDocx.Build("Send through the triggers"),
            new ReleaseInstructions(["media"], [], "2026-12-01T09:00", null, "Asia/Almaty"));
        harness.Time.SetUtcNow(SendAt);

        await harness.Function<DispatchDue>().Run(new TimerInfo(), default);
        var messages = await harness.Get<WorkQueue>().ReceiveAsync(32, TimeSpan.FromMinutes(1), default);
        foreach (var message in messages)
        {
            await harness.Function<DoReleaseWork>().Run(message.Body, default);
            await harness.Function<DoReleaseWork>().Run(message.Body, default); // delivered twice by the host
        }

        Assert.Equal(2, messages.Count);
        Assert.Equal(id, Assert.Single(harness.Distributor.Requests).ReleaseId);
        Assert.Equal(ReleaseState.Sent, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).State);
    }

    [Fact]
    public async Task Queue_trigger_throws_on_a_message_that_is_not_a_work_item_so_the_host_poisons_it()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => harness.Function<DoReleaseWork>().Run("{ not json", default));
    }

    [Fact]
    public async Task Signed_file_endpoint_serves_a_valid_link_and_refuses_expired_and_forged_ones()
    {
        var id = await UploadThroughTheBlobTriggerAsync("files.docx", TestDocx.Build("Files"), ReleaseInstructions.None);
        var link = harness.Get<SignedLinks>().Create(id, "release.pdf", Now.AddHours(1));
        var path = link.AbsolutePath[$"/api/files/{id}/".Length..];

        var request = FunctionHarness.Json("GET");
        var valid = await harness.Function<SignedFile>().Run(request, id, path, default);
        var forged = await harness.Function<SignedFile>().Run(FunctionHarness.Json("GET"), id, "9" + path, default);
        harness.Time.Advance(TimeSpan.FromHours(2));
        var expired = await harness.Function<SignedFile>().Run(FunctionHarness.Json("GET"), id, path, default);

        var file = FunctionHarness.Serve(valid);
        Assert.Equal(200, file.Status);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("nosniff", request.HttpContext.Response.Headers["X-Content-Type-Options"].ToString());
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(file.Body, 0, 4), StringComparison.Ordinal);
        Assert.Equal(403, FunctionHarness.Read(forged).Status);
        Assert.Equal(410, FunctionHarness.Read(expired).Status);
    }
}
