using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Dispatch;

/// <summary>A received work item with what is needed to delete it or set it aside.</summary>
public sealed record ReceivedWork(WorkItem? Item, string Body, string MessageId, string PopReceipt, long DequeueCount);

/// <summary>
/// The work queue between the dispatcher and the workers. In Azure the queue trigger drains it (poison after
/// host.json's maxDequeueCount); the CLI drains it with <see cref="ReceiveAsync"/> and the same poison rule.
/// </summary>
public sealed class WorkQueue(PressStorage storage, IOptions<PipelineOptions> options)
{
    public string Name => options.Value.WorkQueue;

    public async Task EnqueueAsync(WorkItem item, CancellationToken cancellationToken, TimeSpan? delay = null)
    {
        var queue = await storage.EnsureQueueAsync(Name, cancellationToken);
        await queue.SendMessageAsync(Serialize(item), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    public static string Serialize(WorkItem item) => JsonSerializer.Serialize(item, PipelineJson.TypeInfo<WorkItem>());

    /// <summary>Reads a message body; null when it is not a work item (it will end up in poison).</summary>
    public static WorkItem? Deserialize(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, PipelineJson.TypeInfo<WorkItem>());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<ReceivedWork>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var queue = await storage.EnsureQueueAsync(Name, cancellationToken);
        QueueMessage[] messages = await queue.ReceiveMessagesAsync(max, visibility, cancellationToken);
        return [.. messages.Select(m => new ReceivedWork(Deserialize(m.Body.ToString()), m.Body.ToString(), m.MessageId, m.PopReceipt, m.DequeueCount))];
    }

    public async Task CompleteAsync(ReceivedWork work, CancellationToken cancellationToken)
    {
        var queue = await storage.EnsureQueueAsync(Name, cancellationToken);
        await queue.DeleteMessageAsync(work.MessageId, work.PopReceipt, cancellationToken);
    }

    /// <summary>Moves a message that failed too often to <c>{queue}-poison</c>, as the Functions host does.</summary>
    public async Task MoveToPoisonAsync(ReceivedWork work, CancellationToken cancellationToken)
    {
        var poison = await storage.EnsureQueueAsync(Name + "-poison", cancellationToken);
        await poison.SendMessageAsync(work.Body, cancellationToken);
        await CompleteAsync(work, cancellationToken);
    }

    /// <summary>Messages waiting (approximate, as Azure reports it).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var queue = await storage.EnsureQueueAsync(Name, cancellationToken);
        QueueProperties properties = await queue.GetPropertiesAsync(cancellationToken);
        return properties.ApproximateMessagesCount;
    }

    /// <summary>Peeks without taking (tests, the demo's "what would be sent").</summary>
    public async Task<IReadOnlyList<WorkItem>> PeekAsync(CancellationToken cancellationToken)
    {
        var queue = await storage.EnsureQueueAsync(Name, cancellationToken);
        PeekedMessage[] peeked = await queue.PeekMessagesAsync(32, cancellationToken);
        return [.. peeked.Select(m => Deserialize(m.Body.ToString())).OfType<WorkItem>()];
    }

    internal QueueClient Client => storage.Queues.GetQueueClient(Name);
}
