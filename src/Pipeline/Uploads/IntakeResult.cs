using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Uploads;

/// <summary>
/// What an upload led to. <see cref="AlreadyKnown"/>: the same bytes were seen before and nothing changed.
/// <see cref="InstructionProblem"/>: the document converted but the lists/times could not be used (one sentence).
/// </summary>
public sealed record IntakeResult(string ReleaseId, ReleaseStatus Status, bool AlreadyKnown, string? InstructionProblem = null);
