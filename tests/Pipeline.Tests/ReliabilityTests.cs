using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests;

/// <summary>One failure does not become every later failure: storage set-up is retried, a bad schedule entry is isolated.</summary>
public sealed class ReliabilityTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private PipelineHarness harness = null!;

    public Task InitializeAsync()
    {
        harness = PipelineHarness.Start(Now);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_container_or_queue_creation_that_failed_is_tried_again_on_the_next_call()
    {
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(new FailOncePolicy(), HttpPipelinePosition.PerCall);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.AddPolicy(new FailOncePolicy(), HttpPipelinePosition.PerCall);
        var storage = new PressStorage(new BlobServiceClient(Azurite.ConnectionString, blobOptions), new QueueServiceClient(Azurite.ConnectionString, queueOptions));
        var suffix = Guid.NewGuid().ToString("N")[..12];

        await Assert.ThrowsAsync<HttpRequestException>(() => storage.EnsureContainerAsync("retry-" + suffix, default));
        await Assert.ThrowsAsync<HttpRequestException>(() => storage.EnsureQueueAsync("retry-" + suffix, default));
        var container = await storage.EnsureContainerAsync("retry-" + suffix, default);
        var queue = await storage.EnsureQueueAsync("retry-" + suffix, default);

        Assert.True((await container.ExistsAsync()).Value);
        Assert.True((await queue.ExistsAsync()).Value);
        await container.DeleteAsync();
        await queue.DeleteAsync();
    }

    [Fact]
    public async Task An_unreadable_release_does_not_stall_the_other_due_sends()
    {
        var broken = (await harness.UploadAsync(TestDocx.Build("Broken status"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        var healthy = (await harness.UploadAsync(TestDocx.Build("Healthy"), Flow.Send("2026-12-01T09:00"))).ReleaseId;
        var releases = harness.Container(harness.Options.ReleasesContainer);
        await releases.GetBlobClient($"{broken}/{ReleaseStatusStore.StatusName}").UploadAsync(BinaryData.FromString("{ not json"), overwrite: true);
        harness.Time.SetUtcNow(SendAt);

        var summary = await harness.DispatchAsync();

        Assert.Contains(summary.Enqueued, w => w.ReleaseId == healthy && w.Kind == WorkKind.Send);
        Assert.DoesNotContain(summary.Enqueued, w => w.ReleaseId == broken);
        Assert.Equal(2, summary.Failed); // its send and its publish entry
        var entry = harness.Container(harness.Options.ScheduleContainer).GetBlobClient(new ScheduleEntry(SendAt, WorkKind.Send, broken).BlobName);
        var metadata = (await entry.GetPropertiesAsync()).Value.Metadata;
        Assert.Equal("1", metadata["failures"]);
        Assert.False(string.IsNullOrEmpty(metadata["lasterror"]));

        // Marked, not lost: the next run tries it again (and marks it again while it stays broken).
        Assert.Equal(2, (await harness.DispatchAsync()).Failed);
        Assert.Equal("2", (await entry.GetPropertiesAsync()).Value.Metadata["failures"]);
    }

    /// <summary>Storage unreachable for the first request only, as after a network blip at start-up.</summary>
    private sealed class FailOncePolicy : HttpPipelinePolicy
    {
        private int calls;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new HttpRequestException("storage unreachable (simulated)");
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
