namespace PressPipeline.Pipeline.Status;

/// <summary>How a change reached the pipeline.</summary>
public enum Door
{
    /// <summary>A file dropped into the uploads container (blob trigger, or <c>presspipe run</c>).</summary>
    Upload,

    /// <summary>The HTTP API.</summary>
    Api,

    /// <summary>The <c>presspipe</c> command line.</summary>
    Cli,

    /// <summary>The staff console.</summary>
    Page,

    /// <summary>The pipeline itself: the timer, the work queue, the webhook.</summary>
    System,
}

/// <summary>
/// Who did something, and through which door: kept with every history line of a release and in the operations log.
/// The name is what the door could establish (the signed-in user in Azure, the OS user or <c>--as</c> locally).
/// </summary>
public sealed record Actor(string Name, Door Door)
{
    private const int MaxName = 200;

    /// <summary>The pipeline's own moves (dispatch, sending, publishing).</summary>
    public static Actor System { get; } = new("presspipeline", Door.System);

    /// <summary>An actor with a usable name: trimmed, without control characters, at most 200 characters.</summary>
    public static Actor Of(string? name, Door door)
    {
        var clean = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length > MaxName)
        {
            clean = clean[..MaxName];
        }

        return new Actor(clean.Length == 0 ? "unknown" : clean, door);
    }

    /// <summary>The same person: names compare case-insensitively (sign-in names are e-mail-like).</summary>
    public bool IsSamePersonAs(Actor? other) =>
        other is not null && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Name} ({Door.ToString().ToLowerInvariant()})";
}

/// <summary>The second person's approval under the two-person rule (<c>Pipeline:RequireApproval</c>).</summary>
public sealed record Approval(Actor By, DateTimeOffset At);
