using Microsoft.Azure.Functions.Worker;
using PressPipeline.Pipeline.Dispatch;

namespace PressPipeline.Functions.Dispatch;

/// <summary>
/// The timer (UTC, NCRONTAB from the <c>Dispatch:Schedule</c> setting): enqueue every send and publish that has
/// fallen due. A failed run is not retried by the host; the next run picks up what is still due.
/// </summary>
public sealed class DispatchDue(DueWorkDispatcher dispatcher)
{
    [Function(nameof(DispatchDue))]
    public async Task Run([TimerTrigger("%Dispatch:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}
