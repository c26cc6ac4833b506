using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Azure;
using Azure.Data.Tables;

namespace PressPipeline.Distribution.Storage;

/// <summary>Hands out table clients, creating each table once per process (names come from options).</summary>
public sealed class TableProvider(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken) =>
        _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n, cancellationToken))).Value;

    // The SDK makes the TableEntity rows it returns by reflection; the AOT-compiled CLI must keep what it needs.
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(TableEntity))]
    private async Task<TableClient> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(name);
        try
        {
            // Not CreateIfNotExistsAsync: it builds its request body by reflection-based JSON, which the AOT-compiled
            // CLI does not have. CreateAsync uses the SDK's generated serialiser; "already exists" is the same success.
            await table.CreateAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict && e.ErrorCode == "TableAlreadyExists")
        {
        }

        return table;
    }
}
