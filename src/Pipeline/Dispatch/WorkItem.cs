using PressPipeline.Distribution;
using PressPipeline.Pipeline.Scheduling;

namespace PressPipeline.Pipeline.Dispatch;

/// <summary>
/// A queue message: one send or one publish that has fallen due. A send carries the whole
/// <see cref="DispatchRequest"/>, so the sender needs nothing else but the stored content.
/// </summary>
public sealed record WorkItem(WorkKind Kind, string ReleaseId, DateTimeOffset DueAt, DispatchRequest? Dispatch = null);
