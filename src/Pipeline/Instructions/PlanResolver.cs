using System.Text.RegularExpressions;
using PressPipeline.Conversion.Time;
using PressPipeline.Pipeline.Time;

namespace PressPipeline.Pipeline.Instructions;

/// <summary>
/// Checks what staff gave against what the document says and the clock: lists and a send time are both required,
/// the zone must be a word of the zone table, neither time may be in the past, the publish time may not be earlier
/// than the document's embargo (staff may say "now" on purpose), and it defaults to the document's embargo, which
/// must not have passed (or the send time for an immediate release). Every problem is one sentence.
/// </summary>
public sealed partial class PlanResolver(TimeProvider time, string defaultTimeZone)
{
    /// <summary>Times this far in the past still count as "now" (a form filled in a minute ago).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public DeliveryPlan Resolve(ReleaseInstructions given, ReleaseLine line)
    {
        var problems = new List<string>();
        var now = time.GetUtcNow();

        if (given.Lists.Count == 0)
        {
            problems.Add("Give at least one media list; nothing is sent without lists and a send time.");
        }

        foreach (var list in given.Lists.Where(l => !ListName().IsMatch(l)))
        {
            problems.Add($"list name '{list}' may use only letters, digits, '-' and '_'.");
        }

        var zoneId = given.Zone ?? line.TimeZoneId ?? defaultTimeZone;
        NamedZone? zone = null;
        try
        {
            zone = TimeZones.Resolve(zoneId);
        }
        catch (ReleaseProblemException e)
        {
            problems.Add(Sentence(e.Message));
        }

        DateTimeOffset? sendAt = null;
        if (string.IsNullOrWhiteSpace(given.SendAt))
        {
            problems.Add("Give a send time; nothing is sent without lists and a send time.");
        }
        else if (zone is not null)
        {
            sendAt = Parse(given.SendAt, zone, "send time", now, problems);
            if (sendAt is { } s && s < now - Grace)
            {
                problems.Add($"send time {given.SendAt.Trim()} is in the past (it is now {LocalTimes.ToLocalText(now, zone.Id)} in {zone.Id}).");
            }
        }

        var publishAt = zone is null ? null : PublishAt(given, line, zone, sendAt, now, problems);

        if (problems.Count > 0 || sendAt is null || publishAt is null || zone is null)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, string.Join(" ", problems.Select(Sentence)));
        }

        return new DeliveryPlan(given.Lists, given.Tags, sendAt.Value, publishAt.Value, zone.Id, given.AttachPdf);
    }

    /// <summary>
    /// The publish time: staff's, never in the past nor before the document's embargo (except "now", which staff
    /// say on purpose); else the document's embargo, which must not have passed; else the send time.
    /// </summary>
    private static DateTimeOffset? PublishAt(ReleaseInstructions given, ReleaseLine line, NamedZone zone, DateTimeOffset? sendAt, DateTimeOffset now, List<string> problems)
    {
        var embargo = line is { Kind: ReleaseLineKind.Embargoed, LiftsAt: { } lifts } ? lifts : (DateTimeOffset?)null;
        if (!string.IsNullOrWhiteSpace(given.PublishAt))
        {
            var text = given.PublishAt.Trim();
            if (IsNow(text))
            {
                return now;
            }

            var publishAt = Parse(text, zone, "publish time", now, problems);
            if (publishAt is { } p && p < now - Grace)
            {
                problems.Add($"publish time {text} is in the past (it is now {LocalTimes.ToLocalText(now, zone.Id)} in {zone.Id}); give a later time, or \"now\" to publish at once.");
                return null;
            }

            if (publishAt is { } q && embargo is { } e && q < e)
            {
                problems.Add($"publish time {text} is before the document's embargo ({Shown(e, line)}); give a time at or after it, change the embargo line, or give \"now\" to publish at once.");
                return null;
            }

            return publishAt;
        }

        return line switch
        {
            { Kind: ReleaseLineKind.Embargoed } when PassedEmbargo(line, now) is { } passed => Missing(problems, passed),
            { Kind: ReleaseLineKind.Embargoed, LiftsAt: { } documentLift } => documentLift,
            { Kind: ReleaseLineKind.EmbargoedUnparsed } => Missing(problems, $"The document says \"{line.Text}\" but its time could not be understood ({line.Problem ?? "the date, time or zone is unclear"}); give a publish time."),
            _ => sendAt,
        };
    }

    /// <summary>The sentence for a document whose embargo has already passed (an old template), or null.</summary>
    public static string? PassedEmbargo(ReleaseLine line, DateTimeOffset now) =>
        line is { Kind: ReleaseLineKind.Embargoed, LiftsAt: { } lifts } && lifts < now - Grace
            ? $"The embargo line says {Shown(lifts, line)}, which has passed: change it, or publish now (publish time \"now\")."
            : null;

    /// <summary>"now" (any case): staff ask for this instant on purpose.</summary>
    public static bool IsNow(string? text) => text?.Trim().Equals("now", StringComparison.OrdinalIgnoreCase) == true;

    private static string Shown(DateTimeOffset instant, ReleaseLine line) =>
        line.TimeZoneId is { } id && Conversion.Time.ZoneTable.Resolve(id) is not null
            ? Distribution.Composition.EmbargoLine.Format(instant, id)
            : Distribution.Composition.EmbargoLine.Format(instant, "UTC");

    private static DateTimeOffset? Parse(string text, NamedZone zone, string label, DateTimeOffset now, List<string> problems)
    {
        if (IsNow(text))
        {
            return now;
        }

        try
        {
            return LocalTimes.ToInstant(text, zone, label);
        }
        catch (ReleaseProblemException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }

    private static DateTimeOffset? Missing(List<string> problems, string sentence)
    {
        problems.Add(sentence);
        return null;
    }

    // Sentences start with a capital when joined; the messages themselves read well inline too.
    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ListName();
}
