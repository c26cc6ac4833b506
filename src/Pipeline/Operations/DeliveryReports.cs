using PressPipeline.Distribution;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Sending;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Distribution.Tracking;
using PressPipeline.Pipeline.Releases;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Operations;

/// <summary>
/// Builds the delivery report from what storage knows: the release's lists (who it is for), the ledger (what we
/// handed to SendGrid), the webhook's per-recipient flags (what happened next) and the suppression list. Addresses
/// are looked up in the current lists and shown only when the door asks for them (staff); nothing stores them.
/// </summary>
public sealed class DeliveryReports(
    ReleaseStatusStore statuses,
    MediaListStore lists,
    ContactIdentity identity,
    IBatchLedger ledger,
    RecipientStatusStore recipientStatus,
    SuppressionList suppressions,
    IDeliveryStatistics statistics)
{
    public static readonly string[] CsvHeader =
        ["contact_id", "email", "name", "outlet", "sending", "delivered", "deferred", "bounced", "dropped", "opened", "clicked", "unsubscribed", "spam_reported"];

    public async Task<DeliveryReport> BuildAsync(string id, bool includeAddresses, IProgress<OperationProgress>? progress, CancellationToken cancellationToken)
    {
        var status = await statuses.RequireAsync(ReleaseId.Require(id), cancellationToken);
        var plan = status.Plan;

        // Who the release is for, as the lists say now.
        var contacts = new Dictionary<string, RoutedContact>(StringComparer.Ordinal);
        var loaded = new List<ContactListResult>();
        foreach (var name in plan?.Lists ?? [])
        {
            loaded.Add(await lists.LoadAsync(name, cancellationToken));
        }

        IReadOnlyList<string> languages = status.Languages.Count > 0 ? status.Languages : [ContactListReader.PrimaryLanguage(status.Language ?? "en")];
        foreach (var routed in RecipientSelector.Route(loaded, languages, plan?.Tags ?? []))
        {
            contacts.TryAdd(identity.IdOf(routed.Contact.Email), routed);
        }

        progress?.Report(new OperationProgress("reading the lists", contacts.Count));

        var sending = new Dictionary<string, RecipientSending>(StringComparer.Ordinal);
        foreach (var entry in await ledger.ListAsync(status.Id, cancellationToken))
        {
            var state = Of(entry.State);
            foreach (var member in entry.Members)
            {
                sending[member] = sending.TryGetValue(member, out var seen) && Rank(seen) >= Rank(state) ? seen : state;
            }
        }

        progress?.Report(new OperationProgress("reading the ledger", sending.Count));
        var recorded = await recipientStatus.ListAsync(status.Id, cancellationToken);
        var events = recorded.ToDictionary(e => e.ContactId, e => e.Events, StringComparer.Ordinal);
        progress?.Report(new OperationProgress("reading delivery events", events.Count));
        var suppressed = await suppressions.LoadAsync(cancellationToken);

        var ids = contacts.Keys.Concat(sending.Keys).Concat(events.Keys).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<RecipientReport>(ids.Count);
        foreach (var contactId in ids)
        {
            var flags = events.GetValueOrDefault(contactId) ?? new HashSet<RecipientEvent>();
            var state = sending.TryGetValue(contactId, out var s) ? s : suppressed.Contains(contactId) ? RecipientSending.Suppressed : RecipientSending.NotSent;
            var routed = contacts.GetValueOrDefault(contactId);
            var contact = includeAddresses ? routed?.Contact : null;
            rows.Add(new RecipientReport(
                contactId,
                contact?.Email,
                contact?.Name,
                contact?.Outlet,
                state,
                flags.Contains(RecipientEvent.Delivered),
                flags.Contains(RecipientEvent.Deferred),
                flags.Contains(RecipientEvent.Bounced),
                flags.Contains(RecipientEvent.Dropped),
                flags.Contains(RecipientEvent.Opened),
                flags.Contains(RecipientEvent.Clicked),
                flags.Contains(RecipientEvent.Unsubscribed),
                flags.Contains(RecipientEvent.SpamReported))
            {
                Language = routed?.Language,
            });
            if (rows.Count % 1000 == 0)
            {
                progress?.Report(new OperationProgress("building the report", rows.Count, ids.Count));
            }
        }

        progress?.Report(new OperationProgress("building the report", rows.Count, ids.Count));
        rows.Sort((a, b) =>
        {
            var byState = Rank(b.Sending).CompareTo(Rank(a.Sending));
            return byState != 0 ? byState : string.CompareOrdinal(a.Email ?? a.ContactId, b.Email ?? b.ContactId);
        });
        return new DeliveryReport(
            status.Id,
            status.Title,
            status.State,
            plan?.Lists ?? [],
            Count(rows),
            await statistics.GetAsync(status.Id, cancellationToken),
            includeAddresses,
            rows)
        {
            ByLanguage = rows.Where(r => r.Language is not null).GroupBy(r => r.Language!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Count([.. g]), StringComparer.Ordinal),
            Timeline = Timeline(recorded),
        };
    }

    /// <summary>Recipients newly delivered, opened, clicked and bounced per hour (UTC), from when the webhook recorded each.</summary>
    public static IReadOnlyList<TimelineHour> Timeline(IEnumerable<RecipientEvents> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
        RecipientEvent[] shown = [RecipientEvent.Delivered, RecipientEvent.Opened, RecipientEvent.Clicked, RecipientEvent.Bounced];
        return [.. recorded
            .SelectMany(r => r.Times.Where(t => shown.Contains(t.Key)).Select(t => (Hour: HourOf(t.Value), Event: t.Key)))
            .GroupBy(e => e.Hour)
            .OrderBy(g => g.Key)
            .Select(g => new TimelineHour(
                g.Key,
                g.Count(e => e.Event == RecipientEvent.Delivered),
                g.Count(e => e.Event == RecipientEvent.Opened),
                g.Count(e => e.Event == RecipientEvent.Clicked),
                g.Count(e => e.Event == RecipientEvent.Bounced)))];
    }

    /// <summary>The report's recipients as CSV (UTF-8 with BOM), one row each, flags as yes/blank.</summary>
    public static byte[] ToCsv(DeliveryReport report) => Csv.Write(
        CsvHeader,
        report.Recipients.Select(r => (IReadOnlyList<string?>)
        [
            r.ContactId, r.Email, r.Name, r.Outlet, Name(r.Sending),
            Yes(r.Delivered), Yes(r.Deferred), Yes(r.Bounced), Yes(r.Dropped), Yes(r.Opened), Yes(r.Clicked), Yes(r.Unsubscribed), Yes(r.SpamReported),
        ]));

    public static string Name(RecipientSending sending) => sending switch
    {
        RecipientSending.NotSent => "not-sent",
        _ => sending.ToString().ToLowerInvariant(),
    };

    private static string? Yes(bool flag) => flag ? "yes" : null;

    private static ReportCounts Count(IReadOnlyList<RecipientReport> rows) => new(
        rows.Count(r => r.Sending != RecipientSending.Suppressed),
        rows.Count(r => r.Sending == RecipientSending.Accepted),
        rows.Count(r => r.Delivered),
        rows.Count(r => r.Deferred),
        rows.Count(r => r.Bounced),
        rows.Count(r => r.Dropped),
        rows.Count(r => r.Opened),
        rows.Count(r => r.Clicked),
        rows.Count(r => r.Unsubscribed),
        rows.Count(r => r.SpamReported),
        rows.Count(r => r.Sending == RecipientSending.Suppressed),
        rows.Count(r => r.Sending is RecipientSending.NotSent or RecipientSending.Pending),
        rows.Count(r => r.Sending is RecipientSending.Unknown or RecipientSending.Sending),
        rows.Count(r => r.Sending == RecipientSending.Failed));

    private static RecipientSending Of(BatchState state) => state switch
    {
        BatchState.Accepted => RecipientSending.Accepted,
        BatchState.Sending => RecipientSending.Sending,
        BatchState.Unknown => RecipientSending.Unknown,
        BatchState.Failed => RecipientSending.Failed,
        _ => RecipientSending.Pending,
    };

    // A recipient in two ledger rows (a failed batch re-planned) shows the furthest state.
    private static int Rank(RecipientSending state) => state switch
    {
        RecipientSending.Accepted => 6,
        RecipientSending.Unknown => 5,
        RecipientSending.Sending => 4,
        RecipientSending.Failed => 3,
        RecipientSending.Pending => 2,
        RecipientSending.Suppressed => 1,
        _ => 0,
    };
}
