namespace PressPipeline.Pipeline.Operations;

/// <summary>How far a long operation is, for a live count on a terminal or a plain line in a log.</summary>
/// <param name="Step">What is being done, e.g. "reading the ledger".</param>
/// <param name="Total">Null when the total is not known in advance.</param>
public sealed record OperationProgress(string Step, int Done, int? Total = null);
