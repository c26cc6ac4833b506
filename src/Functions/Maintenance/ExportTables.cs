using Microsoft.Azure.Functions.Worker;
using PressPipeline.Distribution.Backup;

namespace PressPipeline.Functions.Maintenance;

/// <summary>
/// Daily (UTC, NCRONTAB from <c>Export:Schedule</c>): copies the suppression list and the send ledger to the export
/// container, which keeps versions and soft-deleted blobs (docs/deploy.md, "Restoring the tables").
/// </summary>
public sealed class ExportTables(TableExport export)
{
    [Function(nameof(ExportTables))]
    public async Task Run([TimerTrigger("%Export:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        await export.ExportAsync(cancellationToken);
}
