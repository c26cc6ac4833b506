using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Scheduling;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Time;

namespace PressPipeline.Pipeline.Operations;

/// <summary>
/// The two-person rule (<c>Pipeline:RequireApproval</c>): someone other than the uploader approves the current
/// version before its send time. The dispatcher asks <see cref="HoldIfUnapprovedAsync"/> before it claims a due send
/// or publish; an unapproved release is held with a sentence (it stays Scheduled, its index entry is dropped) and is
/// never sent until it is approved and scheduled again.
/// </summary>
public sealed class ReleaseApprovals(ReleaseStatusStore statuses, TimeProvider time, IOptions<PipelineOptions> options, ILogger<ReleaseApprovals> logger)
{
    public bool Required => options.Value.RequireApproval;

    /// <summary>Records the approval of the current version; refused for the uploader and once sending started.</summary>
    public Task<ReleaseStatus> ApproveAsync(string id, Actor by, CancellationToken cancellationToken) =>
        statuses.UpdateAsync(
            id,
            status =>
            {
                if (status.State is not (ReleaseState.Converted or ReleaseState.Scheduled or ReleaseState.Cancelled))
                {
                    throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {id} is {status.State}; only a release that has not started sending can be approved.");
                }

                if (by.IsSamePersonAs(status.UploadedBy))
                {
                    throw new ReleaseProblemException(ProblemKind.Conflict, $"{by.Name} uploaded release {id}, so someone else must approve it (two-person rule).");
                }

                if (status.Approval is not null)
                {
                    return status;
                }

                var now = time.GetUtcNow();
                var sentence = status.Held is null
                    ? $"Approved version {status.Version} for sending."
                    : $"Approved version {status.Version}; its send time has passed, so schedule it again to send it.";
                return status.Note(now, sentence, by) with { Approval = new Approval(by, now) };
            },
            cancellationToken);

    /// <summary>True when the rule lets this status be sent or published now.</summary>
    public bool Allows(ReleaseStatus status) => !Required || status.Approval is not null;

    /// <summary>
    /// Holds a due entry of an unapproved release: writes the sentence once and returns true (the dispatcher then
    /// drops the entry). False when the rule is off, the release is approved, or the entry is not current.
    /// </summary>
    public async Task<bool> HoldIfUnapprovedAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        if (!Required)
        {
            return false;
        }

        var held = false;
        await statuses.UpdateAsync(
            entry.ReleaseId,
            status =>
            {
                held = false;
                if (status.State != ReleaseState.Scheduled || status.Plan is not { } plan || Allows(status)
                    || (entry.Kind == WorkKind.Send ? plan.SendAt : plan.PublishAt) != entry.DueAt)
                {
                    return status;
                }

                held = true;
                var uploader = status.UploadedBy?.Name ?? "its uploader";
                var when = $"{LocalTimes.ToLocalText(entry.DueAt, plan.TimeZoneId)} {plan.TimeZoneId}";
                var sentence = entry.Kind == WorkKind.Send
                    ? $"Held, not sent: nobody other than {uploader} approved it before its send time ({when}); approve it and schedule it again."
                    : $"Held, not published: nobody other than {uploader} approved it before its publish time ({when}); approve it and schedule it again.";
                return status.Held == sentence ? status : status.Note(time.GetUtcNow(), sentence) with { Held = sentence };
            },
            cancellationToken);
        if (held)
        {
            logger.LogWarning("Release {ReleaseId}: {Kind} due {DueAt:o} held for want of approval", entry.ReleaseId, entry.Kind, entry.DueAt);
        }

        return held;
    }
}
