using PressPipeline.Distribution;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Operations;

/// <summary>What a test send did: to how many addresses, and any sentence staff should read.</summary>
/// <param name="Sent">True when every version tried was accepted.</param>
/// <param name="Languages">The language versions whose test message was accepted, main version first.</param>
public sealed record TestSendResult(string ReleaseId, int Addresses, bool Sent, IReadOnlyList<string> Problems, IReadOnlyList<string>? Languages = null);

/// <summary>
/// Sends the release as journalists would get it (same links, same embargo line) to a few staff addresses, with the
/// subject marked [TEST]: one message per language version, each as the journalists reading that language get it,
/// or only the version staff pick. It never touches the ledger of the real send and is tracked under its own id, so
/// its opens and clicks are never counted; the release's history notes that a test went out (not to whom).
/// </summary>
public sealed class ReleaseTestSend(
    IReleaseTestSender sender,
    ReleaseStatusStore statuses,
    EmailPreview preview,
    TimeProvider time)
{
    /// <param name="language">Only the version in this language ("ru"); null for every version.</param>
    public async Task<TestSendResult> SendAsync(string id, IReadOnlyList<string> addresses, Actor by, CancellationToken cancellationToken, string? language = null)
    {
        var status = await statuses.RequireAsync(id, cancellationToken);
        var report = await sender.SendTestAsync(await preview.RequestAsync(status, cancellationToken), addresses, language, cancellationToken);
        if (report.Blocked is { } blocked)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, $"The test e-mail was not sent: {blocked}");
        }

        IReadOnlyList<string> accepted = [.. (report.ByLanguage ?? new Dictionary<string, int>()).Keys];
        var sent = report.BatchesAccepted > 0 && report.BatchesFailed == 0 && report.BatchesUnknown == 0;
        var versions = status.Languages.Count < 2 ? "" : $" ({string.Join(", ", accepted)})";
        await statuses.UpdateAsync(
            id,
            s => s.Note(
                time.GetUtcNow(),
                report.BatchesAccepted == 0
                    ? "A test e-mail was attempted but not accepted."
                    : $"Test e-mail of version {s.Version}{versions} sent to {report.Recipients} address(es)." + (sent ? "" : " " + string.Join(" ", report.Problems)),
                by),
            cancellationToken);
        return new TestSendResult(id, report.Recipients, sent, report.Problems, accepted);
    }
}
