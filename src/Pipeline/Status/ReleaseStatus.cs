using PressPipeline.Pipeline.Instructions;

namespace PressPipeline.Pipeline.Status;

/// <summary>One line of a release's history: when, what state it entered, and a sentence.</summary>
public sealed record StatusEvent(DateTimeOffset At, ReleaseState State, string Message);

/// <summary>A file stored for the release (variant or image), relative to its folder.</summary>
public sealed record StoredFile(string Variant, string FileName, string ContentType, long Bytes);

/// <summary>What the last distribution run reported.</summary>
public sealed record DistributionSummary(int Recipients, int Suppressed, int BatchesAccepted, int BatchesFailed);

/// <summary>
/// status.json: everything staff need to read about a release. Changed only through
/// <see cref="ReleaseStatusStore.UpdateAsync"/> (ETag-checked) and <see cref="MoveTo"/> (state machine).
/// </summary>
public sealed record ReleaseStatus(
    string Id,
    ReleaseState State,
    string SourceName,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<StatusEvent> History)
{
    public string? Title { get; init; }

    public string? Language { get; init; }

    /// <summary>The converter's sentence when rejected; problems when partly sent.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<StoredFile> Files { get; init; } = [];

    public ReleaseLine? ReleaseLine { get; init; }

    /// <summary>Lists and times as staff gave them but not yet usable (e.g. a zone typo), kept so they can be fixed.</summary>
    public IReadOnlyList<string> InstructionProblems { get; init; } = [];

    public DeliveryPlan? Plan { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DistributionSummary? Distribution { get; init; }

    public static ReleaseStatus Received(string id, string sourceName, DateTimeOffset at) =>
        new(id, ReleaseState.Received, sourceName, at, [new StatusEvent(at, ReleaseState.Received, $"Received {sourceName}.")]);

    /// <summary>Moves to <paramref name="to"/> and records the event, or throws a Conflict sentence.</summary>
    public ReleaseStatus MoveTo(ReleaseState to, DateTimeOffset at, string message)
    {
        if (!ReleaseStates.CanMove(State, to))
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {Id} is {Describe(State)}, so it cannot become {to}.");
        }

        return this with { State = to, History = [.. History, new StatusEvent(at, to, message)] };
    }

    /// <summary>Records an event without a change of state (publishing, a re-dispatch).</summary>
    public ReleaseStatus Note(DateTimeOffset at, string message) =>
        this with { History = [.. History, new StatusEvent(at, State, message)] };

    private static string Describe(ReleaseState state) => state switch
    {
        ReleaseState.Sending => "already being sent",
        ReleaseState.Sent => "already sent",
        ReleaseState.PartlySent => "partly sent",
        ReleaseState.Rejected => "rejected",
        ReleaseState.Failed => "not converted yet (it failed and will be tried again)",
        ReleaseState.Cancelled => "cancelled",
        _ => state.ToString().ToLowerInvariant(),
    };
}
