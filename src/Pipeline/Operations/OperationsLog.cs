using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PressPipeline.Distribution.Storage;
using PressPipeline.Pipeline.Status;

namespace PressPipeline.Pipeline.Operations;

/// <summary>One staff operation: who, through which door, what, on what. Never an e-mail address (contact ids instead).</summary>
public sealed record OperationRecord(DateTimeOffset At, Actor By, string Operation, string Subject, string Detail);

/// <summary>
/// Who did what to media lists, suppressions and releases, in Table storage: partition = month (yyyyMM), row = time
/// in reverse, so the newest come first. A release's own history (status.json) records its changes too; this log
/// also holds what has no release (a list replaced, a suppression removed).
/// </summary>
public sealed class OperationsLog(TableProvider tables, IOptions<PipelineOptions> options, TimeProvider time)
{
    // Orders records written in the same clock tick by this process (newest first, like the ticks).
    private static int sequence;

    public async Task RecordAsync(Actor by, string operation, string subject, string detail, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var table = await tables.GetAsync(options.Value.OperationsTable, cancellationToken);
        var row = $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}-{int.MaxValue - Interlocked.Increment(ref sequence):D10}-{Guid.NewGuid():N}";
        await table.AddEntityAsync(
            new TableEntity(Month(now), row)
            {
                ["At"] = now,
                ["By"] = by.Name,
                ["Door"] = by.Door.ToString(),
                ["Operation"] = operation,
                ["Subject"] = subject,
                ["Detail"] = detail,
            },
            cancellationToken);
    }

    /// <summary>The newest records, this month and the one before.</summary>
    public async Task<IReadOnlyList<OperationRecord>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.OperationsTable, cancellationToken);
        var now = time.GetUtcNow();
        var records = new List<OperationRecord>();
        foreach (var month in new[] { Month(now), Month(now.AddMonths(-1)) })
        {
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == month, maxPerPage: count, cancellationToken: cancellationToken))
            {
                records.Add(new OperationRecord(
                    row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                    new Actor(row.GetString("By") ?? "unknown", Enum.TryParse<Door>(row.GetString("Door"), out var door) ? door : Door.System),
                    row.GetString("Operation") ?? "",
                    row.GetString("Subject") ?? "",
                    row.GetString("Detail") ?? ""));
                if (records.Count >= count)
                {
                    return records;
                }
            }
        }

        return records;
    }

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);
}
