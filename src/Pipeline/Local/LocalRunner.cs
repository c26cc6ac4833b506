using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Local;

/// <summary>One thing the local runner did, for the console.</summary>
/// <param name="Step">"upload", "dispatch", "work", "poison" or "error".</param>
/// <param name="Work">The work item a dispatch enqueued (what a send will carry).</param>
public sealed record RunEvent(string Step, string? ReleaseId, string Message, WorkItem? Work = null);

/// <summary>
/// What the Functions host does in Azure, done by hand for a laptop (no Event Grid, no queue trigger): process
/// uploads not seen yet, run the timer's dispatch, and drain the work queue with the host's poison rule.
/// The same application services do the work.
/// </summary>
public sealed class LocalRunner(
    UploadsInbox inbox,
    UploadProcessor processor,
    DueWorkDispatcher dispatcher,
    WorkQueue queue,
    IServiceProvider services,
    IOptions<PipelineOptions> options,
    ILogger<LocalRunner> logger)
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(60);
    private readonly HashSet<PendingUpload> seen = [];

    public async Task<IReadOnlyList<RunEvent>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var events = new List<RunEvent>();
        await ProcessUploadsAsync(events, cancellationToken);
        var summary = await dispatcher.DispatchDueAsync(cancellationToken);
        events.AddRange(summary.Enqueued.Select(w => new RunEvent("dispatch", w.ReleaseId, $"{w.Kind} due {w.DueAt:yyyy-MM-dd HH:mm} UTC enqueued", w)));
        await DrainQueueAsync(events, cancellationToken);
        return events;
    }

    private async Task ProcessUploadsAsync(List<RunEvent> events, CancellationToken cancellationToken)
    {
        foreach (var upload in await inbox.ListAsync(cancellationToken))
        {
            if (!seen.Add(upload))
            {
                continue;
            }

            var result = await processor.ProcessAsync(upload.Name, null, cancellationToken);
            if (result is not null && !(result.AlreadyKnown && result.InstructionProblem is null && result.Status.State != ReleaseState.Scheduled))
            {
                events.Add(new RunEvent("upload", result.ReleaseId, $"{upload.Name}: {Describe(result)}"));
            }
        }
    }

    private async Task DrainQueueAsync(List<RunEvent> events, CancellationToken cancellationToken)
    {
        // Resolved late: without e-mail distribution configured the rest of the runner still works.
        var worker = services.GetService(typeof(IReleaseDistributor)) is null ? null : services.GetService(typeof(ReleaseWorker)) as ReleaseWorker;
        while (await queue.ReceiveAsync(16, Visibility, cancellationToken) is { Count: > 0 } batch)
        {
            foreach (var message in batch)
            {
                if (message.Item is null || message.DequeueCount > options.Value.MaxDequeueCount)
                {
                    await queue.MoveToPoisonAsync(message, cancellationToken);
                    events.Add(new RunEvent("poison", message.Item?.ReleaseId, $"message moved to {queue.Name}-poison after {message.DequeueCount} attempts"));
                    continue;
                }

                try
                {
                    var done = await (worker ?? throw new InvalidOperationException("E-mail distribution is not configured, so due sends cannot be handed over.")).HandleAsync(message.Item, cancellationToken);
                    await queue.CompleteAsync(message, cancellationToken);
                    events.Add(new RunEvent("work", message.Item.ReleaseId, $"{message.Item.Kind}: {done.Summary}"));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Left on the queue: invisible for the visibility timeout (so this loop does not spin), then retried, then poisoned.
                    logger.LogError(e, "Work on release {ReleaseId} failed", message.Item.ReleaseId);
                    events.Add(new RunEvent("error", message.Item.ReleaseId, $"{message.Item.Kind} failed (attempt {message.DequeueCount}): {e.Message}"));
                }
            }
        }
    }

    private static string Describe(IntakeResult result) => result.Status.State switch
    {
        ReleaseState.Rejected => $"rejected: {string.Join(" ", result.Status.Reasons)}",
        ReleaseState.Failed => $"failed: {string.Join(" ", result.Status.Reasons)}",
        ReleaseState.Scheduled when result.Status.Plan is { } plan =>
            $"\"{result.Status.Title}\" scheduled: send {Time.LocalTimes.ToLocalText(plan.SendAt, plan.TimeZoneId)} {plan.TimeZoneId} to {string.Join(", ", plan.Lists)}",
        ReleaseState.Converted => $"\"{result.Status.Title}\" converted ({result.Status.Files.Count} files, {result.Status.Warnings.Count} warnings)"
            + (result.InstructionProblem is { } problem ? $"; not scheduled: {problem}" : "; preview only (no lists and send time)"),
        _ => $"{result.Status.State}",
    };
}
