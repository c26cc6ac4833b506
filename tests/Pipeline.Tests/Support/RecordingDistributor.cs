using System.Collections.Concurrent;
using PressPipeline.Distribution;

namespace PressPipeline.Pipeline.Tests.Support;

/// <summary>An <see cref="IReleaseDistributor"/> that records what it was asked to send (the real one is the distribution package's).</summary>
public sealed class RecordingDistributor : IReleaseDistributor
{
    public ConcurrentQueue<DispatchRequest> Requests { get; } = new();

    /// <summary>Problems to report as failed batches, to exercise PartlySent.</summary>
    public IReadOnlyList<string> FailWith { get; set; } = [];

    public Task<DistributionReport> DistributeAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(new DistributionReport(3, 0, 1, FailWith.Count, FailWith));
    }
}
