using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using PressPipeline.Distribution.Storage;

namespace PressPipeline.Pipeline.Storage;

/// <summary>
/// The storage account behind the pipeline, built from the same connection setting the triggers use
/// (<c>PressStorage</c>): a connection string locally, service URIs plus managed identity in Azure.
/// Containers are created on first use, so a fresh Azurite needs no setup. This is the one factory of storage
/// clients: distribution's tables and blobs come from here too (<see cref="DistributionClients"/>), with one credential.
/// </summary>
public sealed class PressStorage(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient? tables = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> ensured = new(StringComparer.Ordinal);

    public BlobServiceClient Blobs { get; } = blobs;

    public QueueServiceClient Queues { get; } = queues;

    /// <summary>Table storage (ledger, suppressions, delivery events, operations log).</summary>
    public TableServiceClient Tables => tables ?? throw new InvalidOperationException(
        $"Table storage is not configured: set {StorageNames.Connection}__tableServiceUri beside {StorageNames.Connection}__blobServiceUri.");

    /// <summary>The same clients as distribution's storage, so both packages share one factory and one credential.</summary>
    public DistributionStorage DistributionClients() => new(Blobs, Tables);

    /// <summary>Queue messages are Base64, as the Functions queue trigger expects by default.</summary>
    public static QueueClientOptions QueueOptions => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public static PressStorage FromConnectionString(string connectionString) =>
        new(new BlobServiceClient(connectionString), new QueueServiceClient(connectionString, QueueOptions), new TableServiceClient(connectionString));

    /// <summary>
    /// Reads <c>PressStorage</c> (a connection string) or <c>PressStorage:blobServiceUri</c>,
    /// <c>:queueServiceUri</c>, <c>:credential</c>, <c>:clientId</c> (identity-based, as the Functions host reads them).
    /// </summary>
    public static PressStorage FromConfiguration(IConfiguration configuration, string name = StorageNames.Connection)
    {
        var connectionString = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(name);
        var blobUri = section["blobServiceUri"];
        var queueUri = section["queueServiceUri"];
        if (string.IsNullOrWhiteSpace(blobUri) || string.IsNullOrWhiteSpace(queueUri))
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured: set {name}=UseDevelopmentStorage=true locally, or {name}__blobServiceUri and {name}__queueServiceUri (with {name}__credential=managedidentity) in Azure.");
        }

        var credential = CreateCredential(section["credential"], section["clientId"]);
        var tableUri = section["tableServiceUri"];
        return new PressStorage(
            new BlobServiceClient(new Uri(blobUri), credential),
            new QueueServiceClient(new Uri(queueUri), credential, QueueOptions),
            string.IsNullOrWhiteSpace(tableUri) ? null : new TableServiceClient(new Uri(tableUri), credential));
    }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    /// <summary>Creates the container once per process (no public access unless asked).</summary>
    public async Task<BlobContainerClient> EnsureContainerAsync(string name, CancellationToken cancellationToken, PublicAccessType access = PublicAccessType.None)
    {
        var container = Container(name);
        await EnsureOnceAsync(name, () => container.CreateIfNotExistsAsync(access, cancellationToken: CancellationToken.None), cancellationToken);
        return container;
    }

    public async Task<QueueClient> EnsureQueueAsync(string name, CancellationToken cancellationToken)
    {
        var queue = Queues.GetQueueClient(name);
        await EnsureOnceAsync("queue:" + name, () => queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None), cancellationToken);
        return queue;
    }

    /// <summary>
    /// Runs <paramref name="create"/> once per process, but remembers only a success: a creation that failed (storage
    /// unreachable for a moment) is forgotten, so the next call tries again instead of failing for the process's life.
    /// </summary>
    private async Task EnsureOnceAsync(string key, Func<Task> create, CancellationToken cancellationToken)
    {
        var lazy = ensured.GetOrAdd(key, _ => new Lazy<Task>(create));
        try
        {
            await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            ensured.TryRemove(new KeyValuePair<string, Lazy<Task>>(key, lazy));
            throw;
        }
    }

    private static TokenCredential CreateCredential(string? kind, string? clientId) =>
        string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
