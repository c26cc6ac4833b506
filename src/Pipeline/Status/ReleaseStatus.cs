using PressPipeline.Pipeline.Instructions;

namespace PressPipeline.Pipeline.Status;

/// <summary>One line of a release's history: when, what state it entered, a sentence, and who did it through which door.</summary>
/// <param name="By">Null only in histories written before actors were recorded.</param>
public sealed record StatusEvent(DateTimeOffset At, ReleaseState State, string Message, Actor? By = null);

/// <summary>A file stored for the release (variant or image), relative to its folder.</summary>
public sealed record StoredFile(string Variant, string FileName, string ContentType, long Bytes);

/// <summary>A correction sent after the release went out: its version, staff's note, and whether every batch of it was accepted.</summary>
public sealed record CorrectionSent(int Version, string Note, bool Complete);

/// <summary>What the last distribution run reported.</summary>
/// <param name="ByLanguage">Recipients per language version they were routed to; null before languages were counted.</param>
public sealed record DistributionSummary(int Recipients, int Suppressed, int BatchesAccepted, int BatchesFailed, IReadOnlyDictionary<string, int>? ByLanguage = null);

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

    /// <summary>The conversion warnings of every language version, each with where it is in the document.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(StatusWarningsConverter))]
    public IReadOnlyList<StatusWarning> Warnings { get; init; } = [];

    public IReadOnlyList<StoredFile> Files { get; init; } = [];

    /// <summary>The languages of its versions ("en", "ru", "kk"), the main version's first; empty for a release with one.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public ReleaseLine? ReleaseLine { get; init; }

    /// <summary>Lists and times as staff gave them but not yet usable (e.g. a zone typo), kept so they can be fixed.</summary>
    public IReadOnlyList<string> InstructionProblems { get; init; } = [];

    public DeliveryPlan? Plan { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DistributionSummary? Distribution { get; init; }

    /// <summary>Who uploaded the release (the two-person rule compares the approver with this).</summary>
    public Actor? UploadedBy { get; init; }

    /// <summary>The second person's approval of the current version; cleared when a correction replaces it.</summary>
    public Approval? Approval { get; init; }

    /// <summary>The latest correction sent after sending (<c>CORRECTED: …</c>); null when there was none.</summary>
    public CorrectionSent? Correction { get; init; }

    /// <summary>1 for the upload; each correction adds one.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Why the release was held at its send time instead of sent (a sentence); cleared when it is scheduled again.</summary>
    public string? Held { get; init; }

    public static ReleaseStatus Received(string id, string sourceName, DateTimeOffset at, Actor? by = null) =>
        new(id, ReleaseState.Received, sourceName, at, [new StatusEvent(at, ReleaseState.Received, $"Received {sourceName}.", by ?? Actor.System)])
        {
            UploadedBy = by,
        };

    /// <summary>Moves to <paramref name="to"/> and records the event, or throws a Conflict sentence.</summary>
    /// <param name="by">Who made the move; the pipeline itself when not given (timer, queue).</param>
    public ReleaseStatus MoveTo(ReleaseState to, DateTimeOffset at, string message, Actor? by = null)
    {
        if (!ReleaseStates.CanMove(State, to))
        {
            throw new ReleaseProblemException(ProblemKind.Conflict, $"Release {Id} is {Describe(State)}, so it cannot become {to}.");
        }

        return this with { State = to, History = [.. History, new StatusEvent(at, to, message, by ?? Actor.System)] };
    }

    /// <summary>Records an event without a change of state (publishing, a re-dispatch, an approval).</summary>
    public ReleaseStatus Note(DateTimeOffset at, string message, Actor? by = null) =>
        this with { History = [.. History, new StatusEvent(at, State, message, by ?? Actor.System)] };

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
