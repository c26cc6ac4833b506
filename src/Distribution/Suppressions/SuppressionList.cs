using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Contacts;
using PressPipeline.Distribution.Storage;

namespace PressPipeline.Distribution.Suppressions;

/// <summary>
/// The suppression list in Table storage. Row key = keyed hash of the normalised address (no address is
/// stored); adding is an upsert, so repeated unsubscribes and webhook retries are harmless.
/// </summary>
public sealed class SuppressionList(TableProvider tables, IOptions<ContactsOptions> options, ContactIdentity identity, TimeProvider time)
{
    private const string Partition = "suppressed";

    // Table timestamps come from the server clock; refresh a little earlier than the last load to cover skew.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public Task AddAsync(string email, SuppressionReason reason, string? releaseId, CancellationToken cancellationToken) =>
        AddByIdAsync(identity.IdOf(email), reason, releaseId, cancellationToken);

    public async Task AddByIdAsync(string contactId, SuppressionReason reason, string? releaseId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var entity = new TableEntity(Partition, contactId)
        {
            ["Reason"] = reason.ToString(),
            ["ReleaseId"] = releaseId,
            ["At"] = time.GetUtcNow(),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> IsSuppressedAsync(string email, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, identity.IdOf(email), ["RowKey"], cancellationToken);
        return found.HasValue;
    }

    public async Task<SuppressionSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in Query($"PartitionKey eq '{Partition}'", cancellationToken))
        {
            ids.Add(row);
        }

        return new SuppressionSnapshot(ids, started);
    }

    /// <summary>Adds what was suppressed since the snapshot was taken (run before every batch).</summary>
    public async Task RefreshAsync(SuppressionSnapshot snapshot, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var since = snapshot.LoadedFrom - ClockSkew;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Timestamp ge {since}");
        await foreach (var row in Query(filter, cancellationToken))
        {
            snapshot.Add(row);
        }

        snapshot.LoadedFrom = started;
    }

    private async IAsyncEnumerable<string> Query(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            yield return row.RowKey;
        }
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(options.Value.SuppressionTable, cancellationToken);
}
