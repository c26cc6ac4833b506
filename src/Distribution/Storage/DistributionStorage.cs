using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace PressPipeline.Distribution.Storage;

/// <summary>
/// The storage account behind connection <c>PressStorage</c>: a connection string locally
/// (<c>UseDevelopmentStorage=true</c>), service URIs plus a managed identity in Azure
/// (<c>PressStorage__blobServiceUri</c>, <c>__tableServiceUri</c>, <c>__credential</c>, <c>__clientId</c>) — no keys.
/// </summary>
public sealed record DistributionStorage(BlobServiceClient Blobs, TableServiceClient Tables)
{
    public const string ConnectionName = "PressStorage";

    public static DistributionStorage FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName) ?? configuration[ConnectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new(new BlobServiceClient(connectionString), new TableServiceClient(connectionString));
        }

        var section = configuration.GetSection(ConnectionName);
        var blobUri = section["blobServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blobUri) || string.IsNullOrWhiteSpace(tableUri))
        {
            throw new InvalidOperationException(
                "Storage is not configured: set PressStorage (a connection string, e.g. UseDevelopmentStorage=true) or PressStorage__blobServiceUri and PressStorage__tableServiceUri.");
        }

        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new(new BlobServiceClient(new Uri(blobUri), credential), new TableServiceClient(new Uri(tableUri), credential));
    }
}
