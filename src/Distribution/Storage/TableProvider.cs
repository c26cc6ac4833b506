using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Azure;
using Azure.Data.Tables;

namespace PressPipeline.Distribution.Storage;

/// <summary>
/// Hands out table clients, creating each table once per process (names come from options). Only a creation
/// that succeeded is remembered: one that failed or was cancelled (say, the first request of the process was
/// abandoned) is forgotten, so the next call tries again instead of failing for the life of the process.
/// </summary>
public sealed class TableProvider(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        // The creation runs without the caller's token, so one caller's cancellation cannot become everybody's
        // failure; each caller still stops waiting when its own token is cancelled.
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

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
