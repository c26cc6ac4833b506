using PressPipeline.Distribution;
using PressPipeline.Pipeline.Status;

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
    EmailPreview preview,
    TimeProvider time)
{
    public async Task<TestSendResult> SendAsync(string id, IReadOnlyList<string> addresses, Actor by, CancellationToken cancellationToken)
    {
        var status = await statuses.RequireAsync(id, cancellationToken);
        var report = await sender.SendTestAsync(await preview.RequestAsync(status, cancellationToken), addresses, cancellationToken);
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
}
