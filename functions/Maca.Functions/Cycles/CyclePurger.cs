using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;

namespace Maca.Functions.Cycles;

/// <summary>Deletes a finished cycle: every row of its partition, its documents and its wake-up rows.</summary>
public sealed partial class CyclePurger(CycleStore store, WakeUpIndex wakeUps, StorageAccount storage, ILogger<CyclePurger> logger)
{
    public const string DocumentsContainer = "documents";

    public async Task<int> PurgeAsync(string cycleId, CancellationToken ct)
    {
        var keys = await store.Table.QueryAsync(new TableQuery($"PartitionKey eq {TableFilter.Quote(cycleId)}", ["RowKey"]), ct)
            .Select(e => e.RowKey).ToListAsync(ct);
        foreach (var chunk in keys.Chunk(TableTransaction.MaxOperations))
            await store.Table.SubmitTransactionAsync(chunk.Select(rk => TableOperation.Delete(cycleId, rk)).ToList(), ct);
        var documents = storage.Container(DocumentsContainer);
        var blobs = 0;
        try
        {
            await foreach (var blob in documents.ListAsync($"{cycleId}/", ct: ct))
                if (await documents.DeleteAsync(blob.Name, ct)) blobs++;
        }
        catch (StorageNotFoundException) { /* no documents container yet */ }
        foreach (var row in await wakeUps.AllForAsync(cycleId, ct)) await wakeUps.RemoveAsync(row, ct);
        LogPurged(cycleId, keys.Count, blobs);
        return keys.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged cycle {CycleId}: {Rows} rows and {Blobs} documents")]
    private partial void LogPurged(string cycleId, int rows, int blobs);
}
