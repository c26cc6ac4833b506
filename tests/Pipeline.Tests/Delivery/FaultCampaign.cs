using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PressPipeline.Distribution;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Tests.Infrastructure;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Recovery;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Tests.Support;

namespace PressPipeline.Pipeline.Tests.Delivery;

/// <summary>One injected fault: what and at which batch (the n-th claim, or the n-th request, of the run).</summary>
public sealed record Fault(FaultKind Kind, int At, int Repeat = 1);

public enum FaultKind
{
    RateLimit,
    ServerError,
    ServerErrorAfterQueueing,
    BadGateway,
    BadGatewayAfterQueueing,
    GatewayTimeout,
    Timeout,
    TimeoutAfterQueueing,
    CrashBeforeClaim,
    CrashAfterClaimBeforeRequest,
    CrashAfter202BeforeRecord,
    CrashDuringStatusWrite,
}

/// <summary>What one seeded run came to.</summary>
public sealed record CampaignRun(
    int Seed, IReadOnlyList<Fault> Faults, ReleaseState Final, int Duplicates, int AcceptedTwice, int Lost, int HeldAtEnd, int StaffActions, int Crashes, TimeSpan Took);

/// <summary>
/// The fault campaign: a release to N journalists sent through the real pipeline, distribution, ledger and SendGrid
/// client (local endpoint, Azurite), with faults injected at every step — HTTP answers 429 / 500 / 502 / 504 /
/// timeouts (some after SendGrid queued the batch) at the request, and crashes (exceptions) before the claim, after
/// the claim before the request, after the 202 before the outcome is recorded, and during the status write — then
/// what staff do (resume, release held batches once SendGrid's webhook has reported), until the release is Sent.
/// Counts per run: recipients SendGrid queued twice, recipients in two accepted batches, and recipients neither
/// queued nor shown to staff as held.
/// </summary>
public sealed class FaultCampaign : IAsyncDisposable
{
    private const int StaffRounds = 8;
    private const int MaxDeliveries = 5; // host.json maxDequeueCount
    private readonly FaultPlan plan = new();

    /// <summary>Worker exceptions that were not injected (e.g. Azurite answering late), each followed by another delivery.</summary>
    public int StorageErrors { get; private set; }
    private DeliveryHarness harness = null!;
    private string[] audience = [];

    public static async Task<FaultCampaign> StartAsync(int recipients)
    {
        var campaign = new FaultCampaign();
        campaign.harness = await DeliveryHarness.StartAsync(
            staffDelay: TimeSpan.FromHours(1), // staff act after checking SendGrid's activity, not within the second
            settings: new Dictionary<string, string?>
            {
                ["SendGrid:SandboxCheck"] = "false",
                ["SendGrid:AttemptTimeoutSeconds"] = "0.5",
                ["SendGrid:MaxRateLimitWaitSeconds"] = "0.2",
                ["SendGrid:MaxRetries"] = "2",
            },
            replace: services =>
            {
                services.AddSingleton<IBatchLedger>(sp => new FaultyLedger(ActivatorUtilities.CreateInstance<TableBatchLedger>(sp), campaign.plan));
                services.AddSingleton<IReleaseDistributor>(sp => new FaultyDistributor(sp.GetRequiredService<ReleaseDistributor>(), campaign.plan));
            });
        campaign.harness.Endpoint.HangFor = TimeSpan.FromSeconds(2);
        await campaign.harness.UploadListAsync("media", recipients);
        campaign.audience = [.. Enumerable.Range(0, recipients).Select(i => $"j{i:D5}@outlet{i % 50}.example")];
        return campaign;
    }

    /// <summary>Faults for a seed: one to three, each at a random batch, of a random kind.</summary>
    public static IReadOnlyList<Fault> FaultsFor(int seed, int batches)
    {
        var random = new Random(seed);
        var kinds = Enum.GetValues<FaultKind>();
        return [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
        {
            var kind = kinds[random.Next(kinds.Length)];
            return new Fault(kind, random.Next(1, batches + 1), kind == FaultKind.RateLimit ? random.Next(1, 5) : 1);
        })];
    }

    public async Task<CampaignRun> RunAsync(int seed, int batches)
    {
        var started = DateTimeOffset.UtcNow;
        var faults = FaultsFor(seed, batches);
        harness.Endpoint.Reset();
        plan.Arm(faults);
        harness.Endpoint.Then(EndpointScript(faults));

        var id = await harness.UploadReleaseAsync($"Fault campaign seed {seed.ToString(CultureInfo.InvariantCulture)}");
        await harness.Pipeline.DispatchAsync();
        var recovery = harness.Get<ReleaseRecovery>();
        var statuses = harness.Get<ReleaseStatusStore>();
        var staffActions = 0;
        var crashes = 0;
        ReleaseStatus status = await statuses.RequireAsync(id, default);
        for (var round = 0; round < StaffRounds; round++)
        {
            crashes += await WorkAsync();
            status = await statuses.RequireAsync(id, default);
            if (status.State == ReleaseState.Sent)
            {
                break;
            }

            // What staff do: release each held batch once SendGrid's webhook has reported on it (the campaign plays
            // SendGrid: a batch it queued gets its events), then resume whatever is left.
            var held = await recovery.HeldBatchesAsync(id, default);
            foreach (var batch in held)
            {
                var queued = harness.Endpoint.Requests.Where(r => r.BatchId == batch.BatchId && FakeSendGridEndpoint.IsQueued(r.Answer)).ToArray();
                if (queued.Length > 0 && batch.Reported.Count == 0)
                {
                    await harness.ReportAsync(id, batch.BatchId, "processed", queued[0].Recipients.Take(3));
                }

                await recovery.ReleaseHeldBatchAsync(id, batch.BatchId, Actor.Of("campaign staff", Door.Api), default);
                staffActions++;
            }

            if (held.Count == 0)
            {
                await recovery.ResumeAsync(id, Actor.Of("campaign staff", Door.Api), default);
                staffActions++;
            }
        }

        return await AccountAsync(seed, faults, id, status.State, staffActions, crashes, DateTimeOffset.UtcNow - started);
    }

    /// <summary>The queue trigger: each message handled, an exception leaves it for another delivery, five at most.</summary>
    private async Task<int> WorkAsync()
    {
        var queue = harness.Get<WorkQueue>();
        var worker = harness.Get<ReleaseWorker>();
        var crashes = 0;
        while (await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5), default) is { Count: > 0 } messages)
        {
            foreach (var message in messages)
            {
                for (var delivery = 1; ; delivery++)
                {
                    try
                    {
                        await worker.HandleAsync(message.Item!, default);
                        break;
                    }
                    catch (CampaignCrashException) when (delivery < MaxDeliveries)
                    {
                        crashes++;
                    }
                    catch (Exception e) when (e is not CampaignCrashException && delivery < MaxDeliveries)
                    {
                        // Anything else a worker throws (storage answering late under load) is retried by the host too.
                        StorageErrors++;
                    }
                }

                await queue.CompleteAsync(message, default);
            }
        }

        return crashes;
    }

    private async Task<CampaignRun> AccountAsync(int seed, IReadOnlyList<Fault> faults, string id, ReleaseState final, int staffActions, int crashes, TimeSpan took)
    {
        var queued = harness.Queued();
        var duplicates = queued.Values.Sum(n => Math.Max(0, n - 1));
        var identity = harness.Get<ContactIdentity>();
        var rows = await harness.Get<IBatchLedger>().ListAsync(id, default);
        var acceptedTwice = rows.Where(r => r.State == BatchState.Accepted).SelectMany(r => r.Members).GroupBy(m => m, StringComparer.Ordinal).Count(g => g.Count() > 1);
        var heldMembers = rows.Where(r => r.State is BatchState.Unknown or BatchState.Sending).SelectMany(r => r.Members).ToHashSet(StringComparer.Ordinal);
        var lost = audience.Count(a => !queued.ContainsKey(a) && !heldMembers.Contains(identity.IdOf(a)));
        return new CampaignRun(seed, faults, final, duplicates, acceptedTwice, lost, heldMembers.Count, staffActions, crashes, took);
    }

    /// <summary>HTTP faults become the endpoint's answers: requests before the fault's batch are accepted.</summary>
    private static EndpointAnswer[] EndpointScript(IReadOnlyList<Fault> faults)
    {
        var http = faults.Where(f => Answer(f.Kind) is not null).OrderBy(f => f.At).ToArray();
        var script = new List<EndpointAnswer>();
        foreach (var fault in http)
        {
            while (script.Count < fault.At - 1)
            {
                script.Add(EndpointAnswer.Accept);
            }

            script.AddRange(Enumerable.Repeat(Answer(fault.Kind)!.Value, fault.Repeat));
        }

        return [.. script];
    }

    private static EndpointAnswer? Answer(FaultKind kind) => kind switch
    {
        FaultKind.RateLimit => EndpointAnswer.RateLimit,
        FaultKind.ServerError => EndpointAnswer.ServerError,
        FaultKind.ServerErrorAfterQueueing => EndpointAnswer.QueuedThenServerError,
        FaultKind.BadGateway => EndpointAnswer.BadGateway,
        FaultKind.BadGatewayAfterQueueing => EndpointAnswer.QueuedThenBadGateway,
        FaultKind.GatewayTimeout => EndpointAnswer.GatewayTimeout,
        FaultKind.Timeout => EndpointAnswer.Hang,
        FaultKind.TimeoutAfterQueueing => EndpointAnswer.QueuedThenHang,
        _ => null,
    };

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    /// <summary>The crashes armed for the current run; each fires once.</summary>
    private sealed class FaultPlan
    {
        private readonly object gate = new();
        private List<Fault> armed = [];
        private int claims;
        private int records;

        public void Arm(IEnumerable<Fault> faults)
        {
            lock (gate)
            {
                armed = [.. faults.Where(f => Answer(f.Kind) is null)];
                claims = 0;
                records = 0;
            }
        }

        public int NextClaim()
        {
            lock (gate)
            {
                return ++claims;
            }
        }

        public int NextAcceptedRecord()
        {
            lock (gate)
            {
                return ++records;
            }
        }

        /// <summary>Throws if a crash of <paramref name="kind"/> is armed for position <paramref name="at"/> (0: any), disarming it.</summary>
        public void CrashIf(FaultKind kind, int at)
        {
            lock (gate)
            {
                var fault = armed.FirstOrDefault(f => f.Kind == kind && (at == 0 || f.At == at));
                if (fault is null)
                {
                    return;
                }

                armed.Remove(fault);
            }

            throw new CampaignCrashException();
        }
    }

    private sealed class FaultyLedger(IBatchLedger inner, FaultPlan plan) : IBatchLedger
    {
        private int currentClaim;

        public Task<IReadOnlyList<LedgerEntry>> ListAsync(string releaseId, CancellationToken cancellationToken) => inner.ListAsync(releaseId, cancellationToken);

        public Task<IReadOnlyList<LedgerEntry>> PlanAsync(string releaseId, IReadOnlyCollection<string> contactIds, int batchSize, CancellationToken cancellationToken) =>
            inner.PlanAsync(releaseId, contactIds, batchSize, cancellationToken);

        public async Task<LedgerEntry?> TryClaimAsync(LedgerEntry entry, IReadOnlyList<string> members, CancellationToken cancellationToken)
        {
            currentClaim = plan.NextClaim();
            plan.CrashIf(FaultKind.CrashBeforeClaim, currentClaim);
            var claimed = await inner.TryClaimAsync(entry, members, cancellationToken);
            if (claimed is not null)
            {
                plan.CrashIf(FaultKind.CrashAfterClaimBeforeRequest, currentClaim);
            }

            return claimed;
        }

        public Task<LedgerEntry> RecordAsync(LedgerEntry claimed, BatchState state, string? messageId, string? reason, CancellationToken cancellationToken)
        {
            if (state == BatchState.Accepted)
            {
                plan.CrashIf(FaultKind.CrashAfter202BeforeRecord, plan.NextAcceptedRecord());
            }

            return inner.RecordAsync(claimed, state, messageId, reason, cancellationToken);
        }

        public Task<bool> AllowResendAsync(string releaseId, string batchId, string reason, CancellationToken cancellationToken) =>
            inner.AllowResendAsync(releaseId, batchId, reason, cancellationToken);

        public Task<bool> MarkAcceptedAsync(string releaseId, string batchId, string reason, CancellationToken cancellationToken) =>
            inner.MarkAcceptedAsync(releaseId, batchId, reason, cancellationToken);
    }

    /// <summary>A crash after the distribution ran and before the worker's status write landed.</summary>
    private sealed class FaultyDistributor(IReleaseDistributor inner, FaultPlan plan) : IReleaseDistributor
    {
        public async Task<DistributionReport> DistributeAsync(DispatchRequest request, CancellationToken cancellationToken)
        {
            var report = await inner.DistributeAsync(request, cancellationToken);
            plan.CrashIf(FaultKind.CrashDuringStatusWrite, 0);
            return report;
        }
    }
}

#pragma warning disable CA1032 // A test-only signal, never constructed with a message.
public sealed class CampaignCrashException() : Exception("simulated process crash (fault campaign)");
#pragma warning restore CA1032
