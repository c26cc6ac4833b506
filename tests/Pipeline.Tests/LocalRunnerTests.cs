using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Local;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests;

public sealed class LocalRunnerTests : IAsyncLifetime
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
    public async Task One_round_takes_a_send_now_upload_from_Received_to_Sent()
    {
        using (var docx = new MemoryStream(TestDocx.Build("Local run")))
        {
            await harness.Get<UploadsInbox>().PutAsync("local.docx", docx, new ReleaseInstructions(["media"], [], "now", null, "Asia/Almaty"), default);
        }

        var events = await harness.Get<LocalRunner>().RunOnceAsync(default);

        Assert.Equal(["upload", "dispatch", "dispatch", "work", "work"], events.Select(e => e.Step));
        var id = events[0].ReleaseId!;
        Assert.Equal(ReleaseState.Sent, (await harness.Get<ReleaseStatusStore>().RequireAsync(id, default)).State);
        Assert.Single(harness.Distributor.Requests);
    }

    [Fact]
    public async Task A_second_round_does_not_process_the_same_upload_again()
    {
        using (var docx = new MemoryStream(TestDocx.Build("Seen once")))
        {
            await harness.Get<UploadsInbox>().PutAsync("seen.docx", docx, ReleaseInstructions.None, default);
        }

        var runner = harness.Get<LocalRunner>();
        var first = await runner.RunOnceAsync(default);
        var second = await runner.RunOnceAsync(default);

        Assert.Single(first, e => e.Step == "upload");
        Assert.Empty(second);
    }

    [Fact]
    public async Task A_message_that_is_not_a_work_item_is_moved_to_poison_instead_of_looping()
    {
        var queue = await harness.Storage.EnsureQueueAsync(harness.Options.WorkQueue, default);
        await queue.SendMessageAsync("not a work item");

        var events = await harness.Get<LocalRunner>().RunOnceAsync(default);

        Assert.Equal("poison", Assert.Single(events).Step);
        var poison = harness.Storage.Queues.GetQueueClient(harness.Options.WorkQueue + "-poison");
        Assert.Equal("not a work item", (await poison.PeekMessageAsync()).Value.Body.ToString());
        Assert.Equal(0, await harness.Get<WorkQueue>().CountAsync(default));
    }
}
