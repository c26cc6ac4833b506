using Microsoft.Extensions.Logging;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Uploads;

namespace PressPipeline.Pipeline.Operations;

/// <summary>
/// Every staff action on a release, in one place for both doors (the HTTP API and <c>presspipe</c>, later the staff
/// console): each takes the <see cref="Actor"/> the door established, checks the id, does the work through the
/// pipeline's services and records who did it in the release's history and the operations log.
/// Resuming a PartlySent release and releasing a held batch live in <see cref="Recovery.ReleaseRecovery"/>, which
/// the same doors call directly (docs/operations.md).
/// </summary>
public sealed class ReleaseOperations(
    ReleaseIntake intake,
    ReleaseStatusStore statuses,
    ReleaseScheduler scheduler,
    ReleaseApprovals approvals,
    ReleaseCorrection correction,
    ReleaseVersions versions,
    ReleaseTestSend testSend,
    ReleaseViews views,
    EmailPreview email,
    OperationsLog log,
    TimeProvider time,
    ILogger<ReleaseOperations> logger)
{
    private const int MaxList = 200;

    /// <summary>
    /// Converts the document and its translations (one release, the document the main version) and, when lists
    /// and a send time are given, schedules it.
    /// </summary>
    public async Task<IntakeResult> UploadAsync(
        Stream document, string sourceName, ReleaseInstructions instructions, Actor by, CancellationToken cancellationToken, IReadOnlyList<VersionUpload>? translations = null)
    {
        var result = await intake.IntakeAsync(document, Path.GetFileName(sourceName), instructions, cancellationToken, by: by, translations: translations);
        await RecordAsync(by, "upload", result.ReleaseId, result.AlreadyKnown ? $"{sourceName}: already known ({result.Status.State})" : $"{sourceName}: {result.Status.State}", cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<ReleaseSummary>> ListAsync(int count, CancellationToken cancellationToken) =>
        [.. (await statuses.RecentAsync(Math.Clamp(count, 1, MaxList), cancellationToken)).Select(ReleaseSummary.Of)];

    public async Task<ReleaseView> GetAsync(string id, CancellationToken cancellationToken) =>
        views.Of(await statuses.RequireAsync(ReleaseId.Require(id), cancellationToken));

    /// <summary>Every variant with a signed link that works for 24 hours, the warnings, the times and the e-mail's subject.</summary>
    public async Task<ReleasePreview> PreviewAsync(string id, CancellationToken cancellationToken)
    {
        var view = await GetAsync(id, cancellationToken);
        if (view.Status.Files.Count == 0)
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {view.Status.Id} is {view.Status.State} and has no variants to preview.");
        }

        return ReleasePreview.Of(view, time.GetUtcNow() + ReleaseViews.PreviewLifetime, await email.SummaryAsync(view.Status, cancellationToken));
    }

    /// <summary>Schedules, or reschedules until sending starts.</summary>
    public async Task<ReleaseView> ScheduleAsync(string id, ReleaseInstructions instructions, Actor by, CancellationToken cancellationToken)
    {
        var status = await scheduler.ScheduleAsync(ReleaseId.Require(id), instructions, cancellationToken, by);
        await RecordAsync(by, "schedule", status.Id, status.History[^1].Message, cancellationToken);
        return views.Of(status);
    }

    public async Task<ReleaseView> CancelAsync(string id, Actor by, CancellationToken cancellationToken)
    {
        var status = await scheduler.CancelAsync(ReleaseId.Require(id), cancellationToken, by);
        await RecordAsync(by, "cancel", status.Id, "cancelled", cancellationToken);
        return views.Of(status);
    }

    /// <summary>Two-person rule: approves the current version (refused for its uploader).</summary>
    public async Task<ReleaseView> ApproveAsync(string id, Actor by, CancellationToken cancellationToken)
    {
        var status = await approvals.ApproveAsync(ReleaseId.Require(id), by, cancellationToken);
        await RecordAsync(by, "approve", status.Id, $"version {status.Version}", cancellationToken);
        return views.Of(status);
    }

    /// <summary>
    /// Sends the release marked [TEST] to the given addresses (or the configured staff addresses): one message per
    /// language version, or only the version in <paramref name="language"/>.
    /// </summary>
    public async Task<TestSendResult> TestSendAsync(string id, IReadOnlyList<string> addresses, Actor by, CancellationToken cancellationToken, string? language = null)
    {
        var result = await testSend.SendAsync(ReleaseId.Require(id), addresses, by, cancellationToken, language);
        var versions = result.Languages is { Count: > 1 } several ? $" in {string.Join(", ", several)}" : "";
        await RecordAsync(by, "test-send", id, $"{result.Addresses} address(es){versions}, {(result.Sent ? "accepted" : "not accepted")}", cancellationToken);
        return result;
    }

    /// <summary>
    /// Adds a translation to a release that has not gone out (or replaces the one in that language): same id,
    /// status, send and publish time. <paramref name="language"/> null takes the document's own language.
    /// </summary>
    public async Task<VersionsResult> TranslateAsync(string id, Stream document, string sourceName, string? language, Actor by, CancellationToken cancellationToken)
    {
        var result = await versions.AddAsync(ReleaseId.Require(id), [new VersionUpload(Path.GetFileName(sourceName), document, language)], by, cancellationToken, recordProblems: false);
        if (result.Problems.Count > 0)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, result.Problems[0]);
        }

        await RecordAsync(by, "translate", id, result.Status.History[^1].Message, cancellationToken);
        return result;
    }

    /// <summary>
    /// Replaces the variants with a corrected document; after sending, also replaces the newsroom copies and sends
    /// it as "CORRECTED: …" with <paramref name="note"/> to the recipients the release reached (<see cref="ReleaseCorrection"/>).
    /// </summary>
    public async Task<ReleaseView> CorrectAsync(
        string id, Stream document, string sourceName, Actor by, CancellationToken cancellationToken, string? note = null, IProgress<OperationProgress>? progress = null)
    {
        var status = await correction.CorrectAsync(ReleaseId.Require(id), document, Path.GetFileName(sourceName), by, cancellationToken, note, progress);
        await RecordAsync(by, "correct", status.Id, $"version {status.Version} from {Path.GetFileName(sourceName)}" + (string.IsNullOrWhiteSpace(note) ? "" : $": {note.Trim()}"), cancellationToken);
        return views.Of(status);
    }

    private async Task RecordAsync(Actor by, string operation, string subject, string detail, CancellationToken cancellationToken)
    {
        logger.LogInformation("{Operation} {Subject} by {Actor}", operation, subject, by);
        await log.RecordAsync(by, operation, subject, detail, cancellationToken);
    }
}
