using Maca.Functions.Documents;

namespace Maca.Functions.Cycles;

/// <summary>Deletes a finished cycle: every row of its partition, its documents and its wake-up rows.</summary>
public sealed partial class CyclePurger(CycleStore store, SnapshotCache snapshots, SnapshotSpill spill, WakeUpIndex wakeUps,
    DocumentStore documents, ILogger<CyclePurger> logger)
{
    public const string DocumentsContainer = "documents";

    public async Task<int> PurgeAsync(string cycleId, CancellationToken ct)
    {
        var rows = await store.DeleteAllRowsAsync(cycleId, ct);
        snapshots.Forget(cycleId);
        var blobs = await spill.DeleteAllAsync(cycleId, ct) + await documents.DeleteAllAsync(cycleId, ct);
        foreach (var row in await wakeUps.AllForAsync(cycleId, ct)) await wakeUps.RemoveAsync(row, ct);
        LogPurged(cycleId, rows, blobs);
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged cycle {CycleId}: {Rows} rows and {Blobs} documents")]
    private partial void LogPurged(string cycleId, int rows, int blobs);
}
