using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Tests.Support;

/// <summary>Steps tests take often: upload bytes, run the timer, drain the queue like the queue trigger does.</summary>
public static class Flow
{
    public static async Task<IntakeResult> UploadAsync(this PipelineHarness harness, byte[] docx, ReleaseInstructions? instructions = null, string name = "release.docx")
    {
        using var stream = new MemoryStream(docx);
        return await harness.Get<ReleaseIntake>().IntakeAsync(stream, name, instructions ?? ReleaseInstructions.None, CancellationToken.None);
    }

    public static Task<DispatchSummary> DispatchAsync(this PipelineHarness harness) =>
        harness.Get<DueWorkDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>Takes every visible message and hands it to the worker, as the queue trigger would.</summary>
    public static async Task<IReadOnlyList<WorkResult>> WorkAsync(this PipelineHarness harness)
    {
        var queue = harness.Get<WorkQueue>();
        var worker = harness.Get<ReleaseWorker>();
        var results = new List<WorkResult>();
        while ((await queue.ReceiveAsync(16, TimeSpan.FromSeconds(30), CancellationToken.None)) is { Count: > 0 } batch)
        {
            foreach (var message in batch)
            {
                results.Add(await worker.HandleAsync(message.Item!, CancellationToken.None));
                await queue.CompleteAsync(message, CancellationToken.None);
            }
        }

        return results;
    }

    public static ReleaseInstructions Send(string sendAt, string zone = "Asia/Almaty", string? publishAt = null, params string[] lists) =>
        new(lists.Length == 0 ? ["media"] : lists, [], sendAt, publishAt, zone);
}
