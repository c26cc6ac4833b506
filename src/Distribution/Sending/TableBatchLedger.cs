using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Storage;

namespace PressPipeline.Distribution.Sending;

/// <summary>
/// The ledger in Table storage: partition = release, row = batch id, plus one plan marker row whose ETag
/// serialises planning. Planning writes the marker and the new batch rows in one entity-group transaction, so a
/// run that planned on a stale view of the release fails as a whole and plans again; claims and outcomes use the
/// batch row's ETag, so two runs racing for the same batch cannot both send it.
/// </summary>
public sealed class TableBatchLedger(TableProvider tables, IOptions<SendGridOptions> options, TimeProvider time) : IBatchLedger
{
    /// <summary>Sorts before every batch id ("b-…") and is never a batch.</summary>
    public const string PlanRow = "!plan";

    /// <summary>Table storage takes at most 100 actions per transaction; one is the plan marker.</summary>
    private const int RowsPerTransaction = 99;

    private const int MaxPlanAttempts = 20;

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(string releaseId, CancellationToken cancellationToken) =>
        (await ReadAsync(releaseId, cancellationToken)).Entries;

    public async Task<IReadOnlyList<LedgerEntry>> PlanAsync(string releaseId, IReadOnlyCollection<string> contactIds, int batchSize, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var (plan, entries) = await ReadAsync(releaseId, cancellationToken);
            var held = entries.SelectMany(e => e.Members).ToHashSet(StringComparer.Ordinal);
            var newcomers = contactIds.Where(id => !held.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (newcomers.Length == 0)
            {
                return entries;
            }

            var rows = newcomers.Chunk(Math.Clamp(batchSize, 1, BatchPlanner.SendGridLimit))
                .Select(members => ToEntity(releaseId, BatchPlanner.IdOf(members), BatchState.Pending, members, null, null, 0))
                .Take(RowsPerTransaction)
                .ToArray();
            var marker = new TableEntity(TableKeys.Safe(releaseId), PlanRow) { ["Version"] = (plan?.GetInt32("Version") ?? 0) + 1, ["UpdatedAt"] = time.GetUtcNow() };
            TableTransactionAction[] actions =
            [
                plan is null ? new(TableTransactionActionType.Add, marker) : new(TableTransactionActionType.UpdateReplace, marker, plan.ETag),
                .. rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxPlanAttempts)
            {
                // Another run planned in between: read its rows and plan only who is still left.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    public async Task<LedgerEntry?> TryClaimAsync(LedgerEntry entry, IReadOnlyList<string> members, CancellationToken cancellationToken)
    {
        if (entry.State is not (BatchState.Pending or BatchState.Failed))
        {
            return null;
        }

        // A claim may only drop members, never add one: another row may hold anybody else.
        var own = entry.Members.ToHashSet(StringComparer.Ordinal);
        var sending = members.Where(own.Contains).ToArray();
        var claimId = Guid.NewGuid().ToString("N");
        var claimed = ToEntity(entry.ReleaseId, entry.BatchId, BatchState.Sending, sending, null, null, entry.Attempts + 1, claimId);
        return await ReplaceAsync(entry, claimed, cancellationToken) ?? await OwnWriteAsync(entry, claimId, BatchState.Sending, cancellationToken);
    }

    public async Task<LedgerEntry> RecordAsync(LedgerEntry claimed, BatchState state, string? messageId, string? reason, CancellationToken cancellationToken)
    {
        var outcome = ToEntity(claimed.ReleaseId, claimed.BatchId, state, claimed.Members, messageId, reason, claimed.Attempts, claimed.ClaimId);
        return await ReplaceAsync(claimed, outcome, cancellationToken)
            ?? await OwnWriteAsync(claimed, claimed.ClaimId, state, cancellationToken)
            ?? throw new InvalidOperationException($"Batch {claimed.BatchId} of release {claimed.ReleaseId} was changed by another run while it was being sent.");
    }

    /// <summary>
    /// After a 412: the row as this claim wrote it, if it did. The storage client retries a request whose answer was
    /// lost (a timeout under load); when the first attempt had landed, the retry finds the ETag changed by our own write.
    /// </summary>
    private async Task<LedgerEntry?> OwnWriteAsync(LedgerEntry entry, string? claimId, BatchState state, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(entry.ReleaseId), entry.BatchId, cancellationToken: cancellationToken);
        return claimId is not null && stored.HasValue && stored.Value is { } row && row.GetString("ClaimId") == claimId && row.GetString("State") == state.ToString()
            ? ToEntry(entry.ReleaseId, row)
            : null;
    }

    public Task<bool> AllowResendAsync(string releaseId, string batchId, string reason, CancellationToken cancellationToken) =>
        DecideHeldAsync(releaseId, batchId, BatchState.Failed, reason, cancellationToken);

    public Task<bool> MarkAcceptedAsync(string releaseId, string batchId, string reason, CancellationToken cancellationToken) =>
        DecideHeldAsync(releaseId, batchId, BatchState.Accepted, reason, cancellationToken);

    private async Task<bool> DecideHeldAsync(string releaseId, string batchId, BatchState to, string reason, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Safe(releaseId), batchId, cancellationToken: cancellationToken);
        if (!stored.HasValue || stored.Value is null || batchId == PlanRow)
        {
            return false;
        }

        var entry = ToEntry(releaseId, stored.Value);
        if (entry.State is not (BatchState.Unknown or BatchState.Sending))
        {
            return false;
        }

        var decided = ToEntity(releaseId, batchId, to, entry.Members, entry.MessageId, reason, entry.Attempts, claimId: null);
        return await ReplaceAsync(entry, decided, cancellationToken) is not null;
    }

    private async Task<(TableEntity? Plan, IReadOnlyList<LedgerEntry> Entries)> ReadAsync(string releaseId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var partition = TableKeys.Safe(releaseId);

        // The marker is read before the rows: a plan committed after this read changes its ETag, so planning on
        // what follows fails as a whole instead of overlapping the other run's rows.
        var plan = await table.GetEntityIfExistsAsync<TableEntity>(partition, PlanRow, cancellationToken: cancellationToken);
        var entries = new List<LedgerEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            if (row.RowKey != PlanRow)
            {
                entries.Add(ToEntry(releaseId, row));
            }
        }

        return (plan.HasValue ? plan.Value : null, entries);
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

    private TableEntity ToEntity(string releaseId, string batchId, BatchState state, IReadOnlyList<string> members, string? messageId, string? reason, int attempts, string? claimId = null) =>
        new(TableKeys.Safe(releaseId), batchId)
        {
            ["ClaimId"] = claimId,
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
            row.ETag.ToString())
        {
            ClaimId = row.GetString("ClaimId"),
        };
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(options.Value.LedgerTable, cancellationToken);
}
