using PressPipeline.Conversion.Manifest;
using PressPipeline.Conversion.Model;

namespace PressPipeline.Pipeline.Instructions;

/// <summary>How the document itself says it may be released; kept in status.json.</summary>
public enum ReleaseLineKind
{
    NotStated,
    Immediate,
    Embargoed,
    EmbargoedUnparsed,
}

/// <summary>The release line found in the document: its kind, the words as written, and the embargo lift if parsed.</summary>
public sealed record ReleaseLine(ReleaseLineKind Kind, string? Text, DateTimeOffset? LiftsAt, string? TimeZoneId)
{
    /// <summary>Why an embargo line could not be read ("the time zone is missing or unclear"), for the sentence staff see.</summary>
    public string? Problem { get; init; }

    public static ReleaseLine NotStated { get; } = new(ReleaseLineKind.NotStated, null, null, null);

    public static ReleaseLine From(ReleaseInstruction instruction) => instruction switch
    {
        ReleaseInstruction.Immediate i => new(ReleaseLineKind.Immediate, i.Text, null, null),
        ReleaseInstruction.Embargoed e => new(ReleaseLineKind.Embargoed, e.Text, e.LiftsAt, e.TimeZoneId),
        ReleaseInstruction.EmbargoedUnparsed u => new(ReleaseLineKind.EmbargoedUnparsed, u.Text, null, null) { Problem = u.Problem },
        _ => NotStated,
    };

    /// <summary>The release line as manifest.json keeps it.</summary>
    public static ReleaseLine From(ManifestReleaseInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return instruction.Kind switch
        {
            "immediate" => new(ReleaseLineKind.Immediate, instruction.Text, null, null),
            "embargoed" => new(ReleaseLineKind.Embargoed, instruction.Text, instruction.LiftsAt, instruction.TimeZone),
            "embargoed-unparsed" => new(ReleaseLineKind.EmbargoedUnparsed, instruction.Text, null, null) { Problem = instruction.Problem },
            _ => NotStated,
        };
    }
}
