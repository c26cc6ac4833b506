using PressPipeline.Distribution.Sending;

namespace PressPipeline.Distribution.Tracking;

/// <summary>
/// Counts for the release status: queued and accepted from the ledger (recipients in batches we planned /
/// SendGrid queued), the rest from the event webhook (distinct recipients, so repeated opens count once).
/// </summary>
public sealed class DeliveryStatistics(IBatchLedger ledger, RecipientStatusStore status) : IDeliveryStatistics
{
    public async Task<DeliveryCounts> GetAsync(string releaseId, CancellationToken cancellationToken)
    {
        var batches = await ledger.ListAsync(releaseId, cancellationToken);
        var counts = await status.CountAsync(releaseId, cancellationToken);
        return new DeliveryCounts(
            Queued: batches.Sum(b => b.Members.Count),
            Accepted: batches.Where(b => b.State == BatchState.Accepted).Sum(b => b.Members.Count),
            Delivered: counts[RecipientEvent.Delivered],
            Bounced: counts[RecipientEvent.Bounced],
            Opened: counts[RecipientEvent.Opened],
            Clicked: counts[RecipientEvent.Clicked],
            Unsubscribed: counts[RecipientEvent.Unsubscribed])
        {
            Deferred = counts[RecipientEvent.Deferred],
            Dropped = counts[RecipientEvent.Dropped],
            SpamReported = counts[RecipientEvent.SpamReported],
        };
    }
}
