namespace PressPipeline.Pipeline;

/// <summary>What kind of problem a request ran into; the API maps it to a status code.</summary>
public enum ProblemKind
{
    /// <summary>The input is wrong; the sentence says how to fix it.</summary>
    Invalid,

    /// <summary>No release has that id.</summary>
    NotFound,

    /// <summary>The release is in a state where this is no longer possible (e.g. cancel after sending started).</summary>
    Conflict,

    /// <summary>What staff sent is larger than its kind of upload may be (<see cref="Uploads.UploadLimits"/>); nothing was kept.</summary>
    TooLarge,
}

/// <summary>A problem with one sentence a press officer or operator can act on; never carries a stack trace outward.</summary>
public sealed class ReleaseProblemException : Exception
{
    public ReleaseProblemException(ProblemKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public ReleaseProblemException()
        : this(ProblemKind.Invalid, "The request could not be handled.")
    {
    }

    public ReleaseProblemException(string message)
        : this(ProblemKind.Invalid, message)
    {
    }

    public ReleaseProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ProblemKind.Invalid;
    }

    public ProblemKind Kind { get; }

    public static ReleaseProblemException NotFound(string releaseId) =>
        new(ProblemKind.NotFound, $"There is no release with id '{releaseId}'.");
}
