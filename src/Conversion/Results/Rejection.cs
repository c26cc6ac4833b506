namespace PressPipeline.Conversion.Results;

/// <summary>Why an upload could not be converted at all. Each has one sentence staff can act on.</summary>
public enum RejectionKind
{
    Empty,
    NotAZip,
    NotAWordDocument,
    PasswordProtected,
    RightsManaged,
    MacroEnabled,
    TooLarge,
    ZipBomb,
    CorruptPart,
}

/// <summary>A typed rejection: the kind, for code; the message, for people.</summary>
public sealed record Rejection(RejectionKind Kind, string Message);

/// <summary>Thrown by the reader when a package must be rejected; callers turn it into a <see cref="Rejection"/>.</summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException(RejectionKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Rejection = new Rejection(kind, message);
    }

    public DocumentRejectedException()
        : this(RejectionKind.CorruptPart, "The document could not be read.")
    {
    }

    public DocumentRejectedException(string message)
        : this(RejectionKind.CorruptPart, message)
    {
    }

    public DocumentRejectedException(string message, Exception innerException)
        : this(RejectionKind.CorruptPart, message, innerException)
    {
    }

    public Rejection Rejection { get; }
}
