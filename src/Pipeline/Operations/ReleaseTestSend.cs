using Microsoft.Extensions.Options;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Operations;

/// <summary>What a test send did: to how many addresses, and any sentence staff should read.</summary>
public sealed record TestSendResult(string ReleaseId, int Addresses, bool Sent, IReadOnlyList<string> Problems);

/// <summary>
/// Sends the release as journalists would get it (same links, same embargo line) to a few staff addresses, with the
/// subject marked [TEST]. It never touches the ledger of the real send and is tracked under its own id, so its opens
/// and clicks are never counted; the release's history notes that a test went out (not to whom).
/// </summary>
public sealed class ReleaseTestSend(
    IReleaseTestSender sender,
    ReleaseStatusStore statuses,
    ReleaseBlobStore store,
    DispatchRequests requests,
    TimeProvider time,
    IOptions<PipelineOptions> options)
{
    public async Task<TestSendResult> SendAsync(string id, IReadOnlyList<string> addresses, Actor by, CancellationToken cancellationToken)
    {
        var status = await statuses.RequireAsync(id, cancellationToken);
        var manifest = await store.RequireManifestAsync(id, cancellationToken);
        var report = await sender.SendTestAsync(requests.Build(id, status.Plan ?? PlanForTest(status), manifest), addresses, cancellationToken);
        if (report.Blocked is { } blocked)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, $"The test e-mail was not sent: {blocked}");
        }

        var sent = report.BatchesAccepted > 0;
        await statuses.UpdateAsync(
            id,
            s => s.Note(time.GetUtcNow(), sent ? $"Test e-mail of version {s.Version} sent to {report.Recipients} address(es)." : "A test e-mail was attempted but not accepted.", by),
            cancellationToken);
        return new TestSendResult(id, report.Recipients, sent, report.Problems);
    }

    /// <summary>A release not yet scheduled is tested as if sent now, with the document's own embargo.</summary>
    private DeliveryPlan PlanForTest(ReleaseStatus status)
    {
        var now = time.GetUtcNow();
        var line = status.ReleaseLine;
        return new DeliveryPlan([], [], now, line?.LiftsAt ?? now, line?.TimeZoneId ?? options.Value.DefaultTimeZone);
    }
}
