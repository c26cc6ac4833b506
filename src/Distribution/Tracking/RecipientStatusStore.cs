using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Storage;

namespace PressPipeline.Distribution.Tracking;

/// <summary>What happened to one recipient of one release, as flags (set once, never cleared).</summary>
public enum RecipientEvent
{
    Delivered,
    Bounced,
    Opened,
    Clicked,
    Unsubscribed,
    SpamReported,
    Deferred,
    Dropped,
}

/// <summary>Every flag one recipient of a release has, keyed by contact id (the table holds no addresses).</summary>
public sealed record RecipientEvents(string ContactId, IReadOnlySet<RecipientEvent> Events)
{
    /// <summary>When each flag was recorded (as the webhook delivered it), for the report's counts over time.</summary>
    public IReadOnlyDictionary<RecipientEvent, DateTimeOffset> Times { get; init; } = new Dictionary<RecipientEvent, DateTimeOffset>();
}

/// <summary>
/// Per-recipient status in Table storage: partition = release, row = contact id, one boolean column per
/// <see cref="RecipientEvent"/> and the time it was first recorded (<c>{event}At</c>). A flag is set once: replays,
/// SendGrid's retries and later events of the same kind (a second open) change nothing, so the report's counts over
/// time stay where they were.
/// </summary>
public sealed class RecipientStatusStore(TableProvider tables, IOptions<SendGridOptions> options, TimeProvider time)
{
    /// <summary>How often a flag is tried again when another writer changed the row in between (the batch note, another event).</summary>
    private const int WriteAttempts = 5;

    /// <summary>Sets the flag with the time now, unless the recipient already has it: then its first time stays.</summary>
    public async Task MarkAsync(string releaseId, string contactId, RecipientEvent what, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.StatusTable, cancellationToken);
        var (partition, row) = (TableKeys.Safe(releaseId), TableKeys.Safe(contactId));
        var flag = what.ToString();
        for (var attempt = 1; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, [flag], cancellationToken);
            if (existing.HasValue && existing.Value!.GetBoolean(flag) == true)
            {
                return;
            }

            var entity = new TableEntity(partition, row)
            {
                [flag] = true,
                [$"{what}At"] = time.GetUtcNow(),
            };
            try
            {
                // Conditional on what was read, so two deliveries racing for the same flag leave the first time.
                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < WriteAttempts)
            {
                // Someone wrote the row meanwhile: read it again.
            }
        }
    }

    /// <summary>
    /// Remembers which batch SendGrid reported an event for (the batch_id custom arg) and the event's kind, whatever
    /// the kind (processed, deferred, dropped… included): any event proves SendGrid queued that batch.
    /// </summary>
    public async Task NoteBatchEventAsync(string releaseId, string contactId, string batchId, string kind, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.StatusTable, cancellationToken);
        var entity = new TableEntity(TableKeys.Safe(releaseId), TableKeys.Safe(contactId))
        {
            [BatchColumn] = batchId,
            [ReportedPrefix + ColumnSafe(kind)] = true,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>What SendGrid's webhook reported for one batch: recipients per event kind (processed, delivered, …).</summary>
    public async Task<IReadOnlyDictionary<string, int>> ReportedForBatchAsync(string releaseId, string batchId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.StatusTable, cancellationToken);
        var partition = TableKeys.Safe(releaseId);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and BatchId eq {batchId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            foreach (var (key, value) in row)
            {
                if (key.StartsWith(ReportedPrefix, StringComparison.Ordinal) && value is true)
                {
                    var kind = key[ReportedPrefix.Length..];
                    counts[kind] = counts.GetValueOrDefault(kind) + 1;
                }
            }
        }

        return counts;
    }

    private const string BatchColumn = "BatchId";
    private const string ReportedPrefix = "Reported_";

    private static string ColumnSafe(string kind) => new([.. kind.Take(40).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    public async Task<IReadOnlyDictionary<RecipientEvent, int>> CountAsync(string releaseId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.StatusTable, cancellationToken);
        var counts = Enum.GetValues<RecipientEvent>().ToDictionary(e => e, _ => 0);
        var partition = TableKeys.Safe(releaseId);
        var columns = Enum.GetNames<RecipientEvent>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: columns, cancellationToken: cancellationToken))
        {
            foreach (var what in counts.Keys)
            {
                if (row.GetBoolean(what.ToString()) == true)
                {
                    counts[what]++;
                }
            }
        }

        return counts;
    }

    /// <summary>Every recipient of the release the webhook has heard about, with their flags (for the delivery report).</summary>
    public async Task<IReadOnlyList<RecipientEvents>> ListAsync(string releaseId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.StatusTable, cancellationToken);
        var partition = TableKeys.Safe(releaseId);
        var rows = new List<RecipientEvents>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            var flags = Enum.GetValues<RecipientEvent>().Where(e => row.GetBoolean(e.ToString()) == true).ToHashSet();
            var times = flags.Select(e => (Event: e, At: row.GetDateTimeOffset($"{e}At")))
                .Where(t => t.At is not null)
                .ToDictionary(t => t.Event, t => t.At!.Value);
            rows.Add(new RecipientEvents(row.RowKey, flags) { Times = times });
        }

        return rows;
    }

    /// <summary>Whether one recipient has a flag (for the status page and tests).</summary>
    public async Task<bool> HasAsync(string releaseId, string contactId, RecipientEvent what, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.StatusTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(releaseId), TableKeys.Safe(contactId), [what.ToString()], cancellationToken);
        return row.HasValue && row.Value?.GetBoolean(what.ToString()) == true;
    }
}
