using Azure.Data.Tables;
using PressPipeline.Distribution.Backup;
using PressPipeline.Distribution.Storage;
using PressPipeline.Distribution.Suppressions;
using PressPipeline.Distribution.Tests.Infrastructure;

namespace PressPipeline.Distribution.Tests.Backup;

/// <summary>
/// The daily export of the suppression list and the send ledger, against Azurite: every row and every property type
/// survives an export and a restore into an emptied table.
/// </summary>
public sealed class TableExportTests
{
    [Fact]
    public async Task Suppressions_and_ledger_rows_survive_export_and_restore_with_their_types()
    {
        var container = Azurite.UniqueName("exports");
        await using var host = DistributionHost.Create(settings: new Dictionary<string, string?> { ["Export:Container"] = container });
        var export = host.Get<TableExport>();
        var suppressions = host.Get<SuppressionList>();
        await suppressions.AddAsync("Aigerim@Outlet.example", SuppressionReason.Unsubscribed, "iom-2014", CancellationToken.None);
        await suppressions.AddAsync("bounced@outlet.example", SuppressionReason.HardBounce, null, CancellationToken.None);
        var ledgerName = host.Configuration["SendGrid:LedgerTable"]!;
        var ledger = await host.Get<TableProvider>().GetAsync(ledgerName, CancellationToken.None);
        var sentAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var row = new TableEntity("iom-2014", "batch-0001")
        {
            ["Recipients"] = 1000,
            ["Bytes"] = 9_007_199_254_740_993L,
            ["Accepted"] = true,
            ["SentAt"] = sentAt,
            ["MessageId"] = "sg-123",
            ["Ratio"] = 0.25,
            ["Run"] = Guid.Parse("8f0c5c1e-7a1b-4a55-9f39-2f4b7b9f2c11"),
            ["Digest"] = new byte[] { 1, 2, 3, 255 },
        };
        await ledger.AddEntityAsync(row);

        var result = await export.ExportAsync(CancellationToken.None);

        Assert.Equal([(host.Configuration["Contacts:SuppressionTable"]!, 2), (ledgerName, 1)], result.Tables.Select(t => (t.Table, t.Rows)));
        Assert.All(result.Tables, t => Assert.Equal($"{result.Folder}/{t.Table}.jsonl", t.Blob));
        var blob = host.Get<DistributionStorage>().Blobs.GetBlobContainerClient(container).GetBlobClient(result.Tables[1].Blob);
        var text = (await blob.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"Int64\":\"9007199254740993\"", text, StringComparison.Ordinal);

        // Lose the tables' rows, then restore them from the export.
        var suppressionTable = await host.Get<TableProvider>().GetAsync(host.Configuration["Contacts:SuppressionTable"]!, CancellationToken.None);
        await foreach (var entity in suppressionTable.QueryAsync<TableEntity>())
        {
            await suppressionTable.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
        }

        await ledger.DeleteEntityAsync("iom-2014", "batch-0001");
        Assert.False(await suppressions.IsSuppressedAsync("aigerim@outlet.example", CancellationToken.None));

        Assert.Equal(2, await export.RestoreAsync(result.Folder, host.Configuration["Contacts:SuppressionTable"]!, CancellationToken.None));
        Assert.Equal(1, await export.RestoreAsync(result.Folder, ledgerName, CancellationToken.None));

        Assert.True(await suppressions.IsSuppressedAsync("aigerim@outlet.example", CancellationToken.None));
        Assert.True(await suppressions.IsSuppressedAsync("bounced@outlet.example", CancellationToken.None));
        var restored = (await ledger.GetEntityAsync<TableEntity>("iom-2014", "batch-0001")).Value;
        Assert.Equal(1000, restored.GetInt32("Recipients"));
        Assert.Equal(9_007_199_254_740_993L, restored.GetInt64("Bytes"));
        Assert.True(restored.GetBoolean("Accepted"));
        Assert.Equal(sentAt, restored.GetDateTimeOffset("SentAt"));
        Assert.Equal("sg-123", restored.GetString("MessageId"));
        Assert.Equal(0.25, restored.GetDouble("Ratio"));
        Assert.Equal(Guid.Parse("8f0c5c1e-7a1b-4a55-9f39-2f4b7b9f2c11"), restored.GetGuid("Run"));
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, restored.GetBinary("Digest"));
    }

    [Fact]
    public async Task Restoring_a_day_without_an_export_says_so()
    {
        await using var host = DistributionHost.Create(settings: new Dictionary<string, string?> { ["Export:Container"] = Azurite.UniqueName("exports") });

        var problem = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Get<TableExport>().RestoreAsync("2001-01-01", "suppressions", CancellationToken.None));

        Assert.StartsWith("There is no export of table suppressions for 2001-01-01", problem.Message, StringComparison.Ordinal);
    }
}
