using System.Globalization;
using Azure.Data.Tables;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;

namespace Maca.Functions.Cycles;

/// <summary>
/// Which cycles need waking, and when. Rows are keyed by due time, so adding one never needs a read.
/// A command adds a row for its new earliest time *before* it commits; a row that wakes a cycle early is harmless.
///
/// Each row also says which snapshot version it protects (<see cref="WakeUp.Guard"/>): a sweep may delete it only
/// once it has handled a state newer than that version. So a sweep that read a snapshot just before an in-flight
/// command committed can never delete the row that command wrote: no timer or email is lost between any two calls.
/// </summary>
public sealed class WakeUpIndex(StorageAccount storage)
{
    public const string TableName = "WakeUps";
    private const string Partition = "due";
    private const string TimeFormat = "yyyyMMddHHmmssfff";
    private readonly TableClient _table = storage.Table(TableName);

    /// <summary>How long a command may still be on its way to committing after writing its row.</summary>
    public static readonly TimeSpan InFlightLimit = TimeSpan.FromMinutes(10);

    public sealed record WakeUp(string CycleId, DateTimeOffset DueAt, int Guard, string RowKey)
    {
        /// <summary>
        /// True once a sweep has handled a newer version than the row guards, or the same version long after the row fell due
        /// (the command that wrote it died before committing; nothing can still be in flight that late).
        /// </summary>
        public bool CoveredBy(int handledVersion, DateTimeOffset now) =>
            handledVersion > Guard || (handledVersion == Guard && DueAt < now - InFlightLimit);
    }

    public Task InitializeAsync(CancellationToken ct) => _table.CreateIfNotExistsAsync(ct);

    /// <summary>Wake <paramref name="cycleId"/> at <paramref name="dueAt"/>; keep the row until a version above <paramref name="guard"/> is handled.</summary>
    public Task EnsureAsync(string cycleId, DateTimeOffset dueAt, int guard, CancellationToken ct) =>
        _table.UpsertCheckedAsync(new TableEntity(Partition,
            $"{dueAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}_{cycleId}_{guard:D8}")
        {
            ["CycleId"] = cycleId, ["DueAt"] = dueAt, ["Guard"] = guard,
        }, ct);

    public async Task<IReadOnlyList<WakeUp>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        // '_' sorts before '~', so every row due at or before now is below this bound.
        var bound = now.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + "~";
        var top = Math.Min(max, 1000);
        // A select does not bring the keys back by itself: name RowKey, which removal needs.
        var query = _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {bound}"),
            top, ["RowKey", "CycleId", "DueAt", "Guard"], ct);
        await foreach (var page in query.AsPages(pageSizeHint: top)) return page.Values.Select(Read).ToList();
        return [];
    }

    /// <summary>Removes a handled row; one that another instance removed first is simply gone.</summary>
    public Task RemoveAsync(WakeUp row, CancellationToken ct) => _table.DeleteIfPresentAsync(Partition, row.RowKey, ct);

    public async Task<IReadOnlyList<WakeUp>> AllForAsync(string cycleId, CancellationToken ct) =>
        await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and CycleId eq {cycleId}"),
                cancellationToken: ct)
            .Select(Read).ToListAsync(ct);

    private static WakeUp Read(TableEntity e) =>
        new(e.GetString("CycleId")!, e.GetDateTimeOffset("DueAt")!.Value, e.GetInt32("Guard") ?? 0, e.RowKey);
}
