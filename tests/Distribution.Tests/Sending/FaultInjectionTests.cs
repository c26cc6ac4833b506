using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PressPipeline.Distribution.Tests.Sending;

/// <summary>
/// Crash a run at each point around a batch's request, run again with a healthy process, and count per
/// recipient what SendGrid (the local endpoint) accepted: duplicates and losses.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 4_500; // five batches, the last one partial
    private const int CrashAtBatch = 3;
    private FakeSendGridEndpoint _endpoint = null!;
    private Dictionary<string, string?> _settings = [];

    public async Task InitializeAsync() => _endpoint = await FakeSendGridEndpoint.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Theory]
    [InlineData(CrashPoint.BeforeClaim)]
    [InlineData(CrashPoint.AfterSendBeforeLedgerWrite)]
    public async Task A_crash_around_the_send_and_a_rerun_give_no_duplicates_and_no_losses(CrashPoint point)
    {
        var (report, tally) = await CrashThenRerunAsync(point, "r-crash-" + point);

        output.WriteLine($"{point}: {tally}; rerun report: accepted {report.BatchesAccepted}, unknown {report.BatchesUnknown}, failed {report.BatchesFailed}");
        Assert.Equal(0, tally.Duplicates);
        Assert.Equal(0, tally.Losses);
        Assert.Empty(_endpoint.Violations);
        if (point == CrashPoint.AfterSendBeforeLedgerWrite)
        {
            // SendGrid has the batch but the ledger could not say so: reported for staff, not resent.
            Assert.Equal(1, report.BatchesUnknown);
            Assert.Equal(4, report.BatchesAccepted);
            Assert.False(report.Complete);
        }
        else
        {
            Assert.True(report.Complete, string.Join("\n", report.Problems));
            Assert.Equal(5, report.BatchesAccepted);
        }
    }

    [Fact]
    public async Task A_crash_between_marking_a_batch_Sending_and_sending_it_loses_nobody_silently()
    {
        var releaseId = "r-crash-claim";
        var (report, tally) = await CrashThenRerunAsync(CrashPoint.AfterClaimBeforeSend, releaseId);
        output.WriteLine($"AfterClaimBeforeSend: {tally}; unknown batches {report.BatchesUnknown}");

        // Nobody twice; the only recipients not yet sent are exactly the batch reported as unknown.
        Assert.Equal(0, tally.Duplicates);
        Assert.Equal(1, report.BatchesUnknown);
        Assert.Equal(1000, tally.Losses);

        // Staff check SendGrid's activity, see the batch never left, and allow the resend.
        await using var host = DistributionHost.Create(_endpoint, settings: _settings);
        var unknown = (await host.Get<IBatchLedger>().ListAsync(releaseId, CancellationToken.None)).Single(e => e.State == BatchState.Sending);
        Assert.True(await host.Get<ReleaseDistributor>().AllowResendAsync(releaseId, unknown.BatchId, CancellationToken.None));
        var final = await host.Get<IReleaseDistributor>().DistributeAsync(SampleRelease.Request(releaseId, "national"), CancellationToken.None);

        var after = CountDeliveries();
        Assert.True(final.Complete, string.Join("\n", final.Problems));
        Assert.Equal(0, after.Duplicates);
        Assert.Equal(0, after.Losses);
    }

    private async Task<(DistributionReport Report, DeliveryTally Tally)> CrashThenRerunAsync(CrashPoint point, string releaseId)
    {
        var request = SampleRelease.Request(releaseId, "national");
        await using (var crashing = DistributionHost.Create(_endpoint, services =>
            services.AddSingleton<IBatchLedger>(sp => new CrashingLedger(ActivatorUtilities.CreateInstance<TableBatchLedger>(sp), point, CrashAtBatch))))
        {
            _settings = crashing.Configuration.AsEnumerable().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
            await crashing.UploadListAsync("national", DistributionHost.Journalists(Recipients));
            await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.Get<IReleaseDistributor>().DistributeAsync(request, CancellationToken.None));
        }

        // A new process on the same storage: the queue message is delivered again.
        await using var healthy = DistributionHost.Create(_endpoint, settings: _settings);
        var report = await healthy.Get<IReleaseDistributor>().DistributeAsync(request, CancellationToken.None);
        return (report, CountDeliveries());
    }

    private DeliveryTally CountDeliveries()
    {
        var delivered = _endpoint.DeliveredRecipients.GroupBy(ContactIdentity.Normalize).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var expected = Enumerable.Range(0, Recipients).Select(i => $"j{i:D5}@outlet{i % 50}.example").ToArray();
        return new DeliveryTally(
            Duplicates: expected.Sum(e => Math.Max(0, delivered.GetValueOrDefault(e) - 1)),
            Losses: expected.Count(e => delivered.GetValueOrDefault(e) == 0));
    }

    private sealed record DeliveryTally(int Duplicates, int Losses);
}
