using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace PressPipeline.Distribution.Storage;

/// <summary>Hands out table clients, creating each table once per process (names come from options).</summary>
public sealed class TableProvider(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken) =>
        _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n, cancellationToken))).Value;

    private async Task<TableClient> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(name);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }
}
