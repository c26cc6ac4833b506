using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Storage;

namespace PressPipeline.Distribution.Backup;

/// <summary>Section <c>Export</c>: the daily copy of the tables that cannot be rebuilt from anything else.</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>Blob container the exports go to (versioned and soft-deleted like releases and contacts).</summary>
    public string Container { get; set; } = "table-exports";
}

/// <summary>What one export wrote: the blob per table and how many rows each held.</summary>
public sealed record TableExportResult(string Folder, IReadOnlyList<(string Table, string Blob, int Rows)> Tables);

/// <summary>
/// Copies the suppression list and the send ledger, table by table, to <c>{container}/{yyyy-MM-dd}/{table}.jsonl</c>:
/// one JSON object per row with each property's EDM type, so a restore writes back exactly what was there. Storage
/// has no point-in-time restore for tables; without this, a deleted table would forget every unsubscribe and every
/// record of what was already sent (docs/deploy.md, "Restoring the tables").
/// </summary>
public sealed class TableExport(
    DistributionStorage storage,
    TableProvider tables,
    IOptions<ContactsOptions> contacts,
    IOptions<SendGridOptions> sendGrid,
    IOptions<ExportOptions> options,
    TimeProvider time,
    ILogger<TableExport> logger)
{
    /// <summary>The tables exported: suppressions (unsubscribes, bounces) and the ledger (what SendGrid accepted).</summary>
    public IReadOnlyList<string> Tables => [contacts.Value.SuppressionTable, sendGrid.Value.LedgerTable];

    public async Task<TableExportResult> ExportAsync(CancellationToken cancellationToken)
    {
        var folder = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var container = storage.Blobs.GetBlobContainerClient(options.Value.Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var written = new List<(string, string, int)>();
        foreach (var name in Tables)
        {
            var table = await tables.GetAsync(name, cancellationToken);
            using var buffer = new MemoryStream();
            var rows = 0;
            await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                WriteRow(buffer, entity);
                rows++;
            }

            buffer.Position = 0;
            var blob = $"{folder}/{name}.jsonl";
            await container.GetBlobClient(blob).UploadAsync(buffer, overwrite: true, cancellationToken);
            written.Add((name, blob, rows));
            logger.LogInformation("Exported {Rows} rows of table {Table} to {Container}/{Blob}.", rows, name, options.Value.Container, blob);
        }

        return new TableExportResult(folder, written);
    }

    /// <summary>The blob container the exports are in.</summary>
    public string Container => options.Value.Container;

    /// <summary>Whether <paramref name="folder"/> holds an export of <paramref name="table"/>.</summary>
    public async Task<bool> HasExportAsync(string folder, string table, CancellationToken cancellationToken) =>
        await storage.Blobs.GetBlobContainerClient(options.Value.Container).GetBlobClient($"{folder}/{table}.jsonl").ExistsAsync(cancellationToken);

    /// <summary>
    /// Writes every row of an export back into its table (insert or replace), for the runbook's restore. Rows added
    /// since the export are kept; rows changed since are set back to the exported values.
    /// </summary>
    public async Task<int> RestoreAsync(string folder, string table, CancellationToken cancellationToken)
    {
        var blob = storage.Blobs.GetBlobContainerClient(options.Value.Container).GetBlobClient($"{folder}/{table}.jsonl");
        if (!await blob.ExistsAsync(cancellationToken))
        {
            throw new InvalidOperationException($"There is no export of table {table} for {folder} in container {options.Value.Container}.");
        }

        var target = await tables.GetAsync(table, cancellationToken);
        var content = await blob.DownloadContentAsync(cancellationToken);
        var rows = 0;
        foreach (var line in content.Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await target.UpsertEntityAsync(ReadRow(line), TableUpdateMode.Replace, cancellationToken);
            rows++;
        }

        return rows;
    }

    private static void WriteRow(Stream stream, TableEntity entity)
    {
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("PartitionKey", entity.PartitionKey);
            json.WriteString("RowKey", entity.RowKey);
            json.WriteStartObject("Properties");
            foreach (var (key, value) in entity)
            {
                if (key is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is null)
                {
                    continue;
                }

                json.WriteStartObject(key);
                switch (value)
                {
                    case string text: json.WriteString("String", text); break;
                    case bool flag: json.WriteBoolean("Boolean", flag); break;
                    case int number: json.WriteNumber("Int32", number); break;
                    // Int64 as a string, as the Table service writes it: JSON numbers lose precision past 2^53.
                    case long number: json.WriteString("Int64", number.ToString(CultureInfo.InvariantCulture)); break;
                    case double number: json.WriteNumber("Double", number); break;
                    case DateTimeOffset instant: json.WriteString("DateTime", instant); break;
                    case DateTime instant: json.WriteString("DateTime", new DateTimeOffset(instant.ToUniversalTime())); break;
                    case Guid id: json.WriteString("Guid", id); break;
                    case byte[] bytes: json.WriteBase64String("Binary", bytes); break;
                    case BinaryData data: json.WriteBase64String("Binary", data.ToArray()); break;
                    default: throw new InvalidOperationException($"Property {key} of a {entity.PartitionKey}/{entity.RowKey} row has a type the export does not know ({value.GetType().Name}).");
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static TableEntity ReadRow(string line)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(line));
        var root = document.RootElement;
        var entity = new TableEntity(root.GetProperty("PartitionKey").GetString(), root.GetProperty("RowKey").GetString());
        foreach (var property in root.GetProperty("Properties").EnumerateObject())
        {
            var typed = property.Value.EnumerateObject().Single();
            entity[property.Name] = typed.Name switch
            {
                "String" => typed.Value.GetString(),
                "Boolean" => typed.Value.GetBoolean(),
                "Int32" => typed.Value.GetInt32(),
                "Int64" => long.Parse(typed.Value.GetString()!, CultureInfo.InvariantCulture),
                "Double" => typed.Value.GetDouble(),
                "DateTime" => typed.Value.GetDateTimeOffset(),
                "Guid" => typed.Value.GetGuid(),
                "Binary" => typed.Value.GetBytesFromBase64(),
                _ => throw new InvalidDataException($"Unknown type {typed.Name} for property {property.Name} in the export."),
            };
        }

        return entity;
    }
}
