namespace PressPipeline.Conversion.Results;

/// <summary>
/// Something the converter could not carry over faithfully. Warnings travel beside the value
/// (mammoth's results.js) into the manifest and the status staff read; they never stop a conversion.
/// </summary>
/// <param name="Code">Stable machine code, e.g. "link.scheme-dropped", "image.alt-missing".</param>
/// <param name="Message">One sentence a press officer can act on.</param>
public sealed record ConversionWarning(string Code, string Message)
{
    /// <summary>Where in the document it was raised, so staff can find the spot in Word; null when it concerns the whole document.</summary>
    public WarningLocation? Location { get; init; }

    /// <summary>How many times it was raised at that place (the same unknown value on 30 runs of one paragraph is one warning, 30 times).</summary>
    public int Count { get; init; } = 1;

    /// <summary>The sentence with where it is and how often, as the command line prints it.</summary>
    public override string ToString() => WarningLocation.Sentence(Message, Location, Count);
}

/// <summary>A value plus the warnings raised while producing it.</summary>
public sealed record Result<T>(T Value, IReadOnlyList<ConversionWarning> Warnings)
{
    /// <summary>A result with no warnings.</summary>
    public static Result<T> Clean(T value) => new(value, []);
}
