using System.Text.RegularExpressions;
using PressPipeline.Conversion.Time;
using PressPipeline.Pipeline.Time;

namespace PressPipeline.Pipeline.Instructions;

/// <summary>
/// Checks what staff gave against what the document says and the clock: lists and a send time are both required,
/// the zone must be an IANA zone, the send time must not be in the past, and the publish time defaults to the
/// document's embargo (or the send time for an immediate release). Every problem is one sentence.
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

        DateTimeOffset? publishAt = null;
        if (!string.IsNullOrWhiteSpace(given.PublishAt) && zone is not null)
        {
            publishAt = Parse(given.PublishAt, zone, "publish time", now, problems);
        }
        else if (string.IsNullOrWhiteSpace(given.PublishAt))
        {
            publishAt = line switch
            {
                { Kind: ReleaseLineKind.Embargoed, LiftsAt: { } lifts } => lifts,
                { Kind: ReleaseLineKind.EmbargoedUnparsed } => Missing(problems, $"The document says \"{line.Text}\" but its time could not be understood ({line.Problem ?? "the date, time or zone is unclear"}); give a publish time."),
                _ => sendAt,
            };
        }

        if (problems.Count > 0 || sendAt is null || publishAt is null || zone is null)
        {
            throw new ReleaseProblemException(ProblemKind.Invalid, string.Join(" ", problems.Select(Sentence)));
        }

        return new DeliveryPlan(given.Lists, given.Tags, sendAt.Value, publishAt.Value, zone.Id, given.AttachPdf);
    }

    private static DateTimeOffset? Parse(string text, NamedZone zone, string label, DateTimeOffset now, List<string> problems)
    {
        if (text.Trim().Equals("now", StringComparison.OrdinalIgnoreCase))
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
