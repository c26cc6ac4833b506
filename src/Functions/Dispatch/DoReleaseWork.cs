using Microsoft.Azure.Functions.Worker;
using PressPipeline.Pipeline;
using PressPipeline.Pipeline.Dispatch;

namespace PressPipeline.Functions.Dispatch;

/// <summary>
/// One due send or publish from the work queue. Throwing leaves the message to the host's retries
/// (host.json maxDequeueCount) and then <c>release-work-poison</c>; see docs/storage.md for the runbook.
/// </summary>
public sealed class DoReleaseWork(ReleaseWorker worker)
{
    [Function(nameof(DoReleaseWork))]
    public async Task Run(
        [QueueTrigger(StorageNames.WorkQueue, Connection = StorageNames.Connection)] string message,
        CancellationToken cancellationToken)
    {
        var item = WorkQueue.Deserialize(message)
            ?? throw new InvalidDataException("The queue message is not a release work item; it will be moved to the poison queue.");
        await worker.HandleAsync(item, cancellationToken);
    }
}
