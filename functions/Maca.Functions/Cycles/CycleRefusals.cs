using Azure.Data.Tables;
using Maca.Functions.Storage;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>
/// Commands the orchestrator refused after they were accepted for processing: the cycle had moved on between the
/// page's check and the orchestrator's (two people at once, a deadline passing). Whoever sent one is told if they
/// are still waiting; the dashboard shows the latest, so nobody is left thinking it was done.
/// </summary>
public sealed class CycleRefusals(StorageAccount storage)
{
    public sealed record Refusal(string RequestId, string Command, string Actor, string Message, DateTimeOffset At);

    private readonly TableClient _table = storage.Table(CycleTable.Name);

    public async Task RecordAsync(string cycleId, Refusal refusal, CancellationToken ct)
    {
        var row = new TableEntity(cycleId, CycleTable.RefusalRow(refusal.RequestId))
        {
            ["Command"] = refusal.Command, ["Actor"] = refusal.Actor, ["Message"] = refusal.Message,
            ["At"] = refusal.At,
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<Refusal>> LatestAsync(string cycleId, int count, CancellationToken ct) =>
        (await _table.QueryAsync<TableEntity>(CycleTable.RowsStartingWith(cycleId, CycleTable.RefusalPrefix),
                cancellationToken: ct)
            .Select(row => new Refusal(row.RowKey[CycleTable.RefusalPrefix.Length..], row.GetString("Command") ?? "",
                row.GetString("Actor") ?? "", row.GetString("Message") ?? "", row.GetDateTimeOffset("At") ?? default))
            .ToListAsync(ct))
        .OrderByDescending(r => r.At).Take(count).ToList();
}
