using Maca.Functions.Documents;

namespace Maca.Functions.Cycles;

/// <summary>Deletes a finished cycle's records: every row of its partition and its documents.</summary>
public sealed partial class CyclePurger(CycleStore store, SnapshotSpill spill, DocumentStore documents,
    ILogger<CyclePurger> logger)
{
    public const string DocumentsContainer = "documents";

    public async Task<int> PurgeAsync(string cycleId, CancellationToken ct)
    {
        var rows = await store.DeleteAllRowsAsync(cycleId, ct);
        var blobs = await spill.DeleteAllAsync(cycleId, ct) + await documents.DeleteAllAsync(cycleId, ct);
        LogPurged(cycleId, rows, blobs);
        return rows;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged cycle {CycleId}: {Rows} rows and {Blobs} documents")]
    private partial void LogPurged(string cycleId, int rows, int blobs);
}
