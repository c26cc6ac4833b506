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

    /// <param name="addedBy">Who added it by hand (staff); null for unsubscribes and webhook events.</param>
    /// <param name="note">Staff's own words on why (never the address itself).</param>
    public async Task AddByIdAsync(string contactId, SuppressionReason reason, string? releaseId, CancellationToken cancellationToken, string? addedBy = null, string? note = null)
    {
        var table = await TableAsync(cancellationToken);
        var entity = new TableEntity(Partition, contactId)
        {
            ["Reason"] = reason.ToString(),
            ["ReleaseId"] = releaseId,
            ["At"] = time.GetUtcNow(),
            ["AddedBy"] = addedBy,
            ["Note"] = note,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Takes the address off the list; false when it was not on it.</summary>
    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            // Recent SDKs answer a missing entity with a 404 response rather than an exception; older ones throw.
            var response = await table.DeleteEntityAsync(Partition, identity.IdOf(email), Azure.ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>The entry for one address, or null.</summary>
    public async Task<Suppression?> FindAsync(string email, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, identity.IdOf(email), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } row ? ToSuppression(row) : null;
    }

    /// <summary>Every entry, oldest first. Addresses are not stored, so entries carry the contact id only.</summary>
    public async IAsyncEnumerable<Suppression> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", cancellationToken: cancellationToken))
        {
            yield return ToSuppression(row);
        }
    }

    private static Suppression ToSuppression(TableEntity row) => new(
        row.RowKey,
        Enum.TryParse<SuppressionReason>(row.GetString("Reason"), out var reason) ? reason : SuppressionReason.DoNotContact,
        row.GetString("ReleaseId"),
        row.GetDateTimeOffset("At") ?? row.Timestamp ?? DateTimeOffset.MinValue,
        row.GetString("AddedBy"),
        row.GetString("Note"));

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
