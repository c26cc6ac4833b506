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
public class ReleaseProblemException : Exception
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
        : this(ProblemKind.Invalid, message, innerException)
    {
    }

    protected ReleaseProblemException(ProblemKind kind, string message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public ProblemKind Kind { get; }

    public static ReleaseProblemException NotFound(string releaseId) =>
        new(ProblemKind.NotFound, $"There is no release with id '{releaseId}'.");
}

/// <summary>
/// Another change of the same release (a file or translation added elsewhere, a correction, a blob-folder settle)
/// held its write lease for longer than a change waits (<see cref="Releases.ReleaseWriteLock"/>): nothing of this
/// change was written. A <see cref="ProblemKind.Conflict"/>, so the API answers 409, the console shows the
/// sentence and the CLI exits non-zero; the blob door lets it fail so the trigger tries the blob again.
/// </summary>
public sealed class ReleaseBusyException : ReleaseProblemException
{
    public const string Sentence = "Another change to this release is being saved; try again in a minute.";

    public ReleaseBusyException(string releaseId)
        : base(ProblemKind.Conflict, Sentence, null)
    {
        ReleaseId = releaseId;
    }

    public ReleaseBusyException()
        : this(string.Empty)
    {
    }

    public ReleaseBusyException(string message, Exception innerException)
        : base(ProblemKind.Conflict, message, innerException)
    {
        ReleaseId = string.Empty;
    }

    /// <summary>The release whose lease was held.</summary>
    public string ReleaseId { get; }
}
