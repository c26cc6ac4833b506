using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Storage;

namespace PressPipeline.Distribution.Sending;

/// <summary>
/// The ledger in Table storage: partition = release, row = batch id. Transitions use the row's ETag, so two
/// runs racing for the same batch cannot both send it.
/// </summary>
public sealed class TableBatchLedger(TableProvider tables, IOptions<SendGridOptions> options, TimeProvider time) : IBatchLedger
{
    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(string releaseId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var partition = TableKeys.Safe(releaseId);
        var entries = new List<LedgerEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            entries.Add(ToEntry(releaseId, row));
        }

        return entries;
    }

    public async Task<LedgerEntry> EnsureAsync(string releaseId, string batchId, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var entity = ToEntity(releaseId, batchId, BatchState.Pending, members, null, null, 0);
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            entity.ETag = response.Headers.ETag ?? default;
            return ToEntry(releaseId, entity);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = await table.GetEntityAsync<TableEntity>(TableKeys.Safe(releaseId), batchId, cancellationToken: cancellationToken);
            return ToEntry(releaseId, stored.Value);
        }
    }

    public async Task<LedgerEntry?> TryClaimAsync(LedgerEntry entry, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        if (entry.State is not (BatchState.Pending or BatchState.Failed))
        {
            return null;
        }

        var claimed = ToEntity(entry.ReleaseId, entry.BatchId, BatchState.Sending, members, null, null, entry.Attempts + 1);
        return await ReplaceAsync(entry, claimed, cancellationToken);
    }

    public async Task<LedgerEntry> RecordAsync(LedgerEntry claimed, BatchState state, string? messageId, string? reason, CancellationToken cancellationToken)
    {
        var outcome = ToEntity(claimed.ReleaseId, claimed.BatchId, state, claimed.Members, messageId, reason, claimed.Attempts);
        return await ReplaceAsync(claimed, outcome, cancellationToken)
            ?? throw new InvalidOperationException($"Batch {claimed.BatchId} of release {claimed.ReleaseId} was changed by another run while it was being sent.");
    }

    public async Task<bool> AllowResendAsync(string releaseId, string batchId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(releaseId), batchId, cancellationToken: cancellationToken);
        if (!stored.HasValue || stored.Value is null)
        {
            return false;
        }

        var entry = ToEntry(releaseId, stored.Value);
        if (entry.State is not (BatchState.Unknown or BatchState.Sending))
        {
            return false;
        }

        var released = ToEntity(releaseId, batchId, BatchState.Failed, entry.Members, null, "staff allowed a resend after an unknown outcome", entry.Attempts);
        return await ReplaceAsync(entry, released, cancellationToken) is not null;
    }

    private async Task<LedgerEntry?> ReplaceAsync(LedgerEntry current, TableEntity next, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(next, new ETag(current.Version), TableUpdateMode.Replace, cancellationToken);
            next.ETag = response.Headers.ETag ?? default;
            return ToEntry(current.ReleaseId, next);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    private TableEntity ToEntity(string releaseId, string batchId, BatchState state, IReadOnlyList<string> members, string? messageId, string? reason, int attempts) =>
        new(TableKeys.Safe(releaseId), batchId)
        {
            ["State"] = state.ToString(),
            ["Members"] = string.Join(',', members),
            ["Recipients"] = members.Count,
            ["MessageId"] = messageId,
            ["Reason"] = reason,
            ["Attempts"] = attempts,
            ["UpdatedAt"] = time.GetUtcNow(),
        };

    private static LedgerEntry ToEntry(string releaseId, TableEntity row)
    {
        var members = row.GetString("Members") is { Length: > 0 } list ? list.Split(',') : [];
        return new LedgerEntry(
            releaseId,
            row.RowKey,
            Enum.Parse<BatchState>(row.GetString("State") ?? nameof(BatchState.Pending)),
            members,
            row.GetString("MessageId"),
            row.GetString("Reason"),
            row.GetInt32("Attempts") ?? 0,
            row.GetDateTimeOffset("UpdatedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue,
            row.ETag.ToString());
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(options.Value.LedgerTable, cancellationToken);
}
