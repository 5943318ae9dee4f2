using Azure.Data.Tables;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;

namespace Maca.Functions.Cycles;

/// <summary>
/// A partnership's own record of what was done to whole cycles, such as purging one. It lives outside the
/// cycles' partitions, so it survives the purge it records.
/// </summary>
public sealed class PartnershipAuditLog(StorageAccount storage)
{
    public const string TableName = "AuditLog";
    private readonly TableClient _table = storage.Table(TableName);

    public sealed record Entry(string PartnershipId, string Action, string CycleId, string Actor, DateTimeOffset At, string Detail);

    public Task InitializeAsync(CancellationToken ct) => _table.CreateIfNotExistsAsync(ct);

    /// <param name="key">Names the entry when doing the same thing again must not log it twice (a retention purge retried).</param>
    public Task RecordAsync(Entry entry, CancellationToken ct, string? key = null) =>
        _table.UpsertCheckedAsync(new TableEntity(entry.PartnershipId,
            key ?? $"{entry.At.UtcDateTime:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}")
        {
            ["Action"] = entry.Action, ["CycleId"] = entry.CycleId, ["Actor"] = entry.Actor, ["At"] = entry.At, ["Detail"] = entry.Detail,
        }, ct);

    public async Task<IReadOnlyList<Entry>> ForPartnershipAsync(string partnershipId, CancellationToken ct) =>
        await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partnershipId}"), cancellationToken: ct)
            .Select(e => new Entry(e.PartitionKey, e.GetString("Action")!, e.GetString("CycleId")!, e.GetString("Actor")!,
                e.GetDateTimeOffset("At")!.Value, e.GetString("Detail") ?? ""))
            .ToListAsync(ct);
}
