using System.Text.Json;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>
/// Loads and commits cycles. A commit writes the new events, the snapshot (guarded by its ETag), the outbox
/// emails and the idempotency record as one entity-group transaction: all of it, or none.
/// </summary>
public sealed class CycleStore(StorageAccount storage)
{
    private readonly ITableStore _table = storage.Table(CycleTable.Name);

    public ITableStore Table => _table;

    public Task InitializeAsync(CancellationToken ct) => _table.CreateIfNotExistsAsync(ct);

    public async Task<CycleRecord> LoadAsync(string cycleId, CancellationToken ct)
    {
        var row = await _table.GetAsync(cycleId, CycleTable.Snapshot, ct);
        return row is null ? CycleRecord.New(cycleId) : FromSnapshotRow(row);
    }

    /// <summary>A cycle from its snapshot row, whether point-read or returned by a query.</summary>
    public static CycleRecord FromSnapshotRow(TableEntity row) =>
        new(row.PartitionKey, JsonSerializer.Deserialize<CycleState>(LargeProperty.Read(row, "State")!, CycleJson.Options)!,
            row.ETag, LargeProperty.Read(row, "Input"));

    public async Task<StoredResponse?> FindResponseAsync(string cycleId, string idempotencyKey, CancellationToken ct)
    {
        var row = await _table.GetAsync(cycleId, CycleTable.RequestRow(idempotencyKey), ct);
        return row is null ? null : new StoredResponse(row.GetInt32("Status")!.Value, LargeProperty.Read(row, "Body") ?? "");
    }

    public async Task CommitAsync(CycleRecord before, CycleState after, IReadOnlyList<CycleEvent> events, string actor,
        IReadOnlyList<OutboxEntry> outbox, string? inputJson, (string Key, StoredResponse Response)? request, CancellationToken ct)
    {
        var operations = new List<TableOperation>();
        var version = before.State.Version;
        foreach (var e in events)
        {
            version++;
            var row = new TableEntity(before.CycleId, CycleTable.EventRow(version))
            {
                ["Type"] = e.GetType().Name, ["Actor"] = actor, ["At"] = e.At,
            };
            LargeProperty.Write(row, "Data", JsonSerializer.Serialize(e, CycleJson.Options));
            operations.Add(TableOperation.Insert(row));
        }
        foreach (var email in outbox)
        {
            var row = new TableEntity(before.CycleId, CycleTable.OutboxRow(email.Version))
            {
                ["OutboxId"] = email.OutboxId, ["Kind"] = email.Kind, ["Status"] = OutboxStatus.Pending,
                ["Attempts"] = 0, ["QueuedAt"] = after.LastUpdatedAt, ["NextAttemptAt"] = after.LastUpdatedAt,
            };
            LargeProperty.Write(row, "Email", email.EmailJson);
            operations.Add(TableOperation.Insert(row));
        }
        if (request is { } r)
        {
            var row = new TableEntity(before.CycleId, CycleTable.RequestRow(r.Key)) { ["Status"] = r.Response.Status };
            LargeProperty.Write(row, "Body", r.Response.Body);
            operations.Add(TableOperation.Insert(row));
        }
        var snapshot = SnapshotRow(before.CycleId, after, inputJson ?? before.InputJson);
        operations.Add(before.ETag is null ? TableOperation.Insert(snapshot) : TableOperation.Update(snapshot, before.ETag));
        if (operations.Count > TableTransaction.MaxOperations)
            throw new InvalidOperationException($"One command produced {operations.Count} rows; a transaction holds {TableTransaction.MaxOperations}.");
        await _table.SubmitTransactionAsync(operations, ct);
    }

    private static TableEntity SnapshotRow(string cycleId, CycleState state, string? inputJson)
    {
        var row = new TableEntity(cycleId, CycleTable.Snapshot)
        {
            ["Version"] = state.Version, ["PartnershipId"] = state.PartnershipId, ["Theme"] = state.Theme,
            ["Phase"] = state.Phase.ToString(), ["RuntimeStatus"] = RuntimeStatusOf(state).ToString(),
            ["CreatedTime"] = state.CreatedAt, ["LastUpdatedTime"] = state.LastUpdatedAt,
        };
        if (state.NextDueAt is { } due) row["NextDueAt"] = due;
        LargeProperty.Write(row, "State", JsonSerializer.Serialize(state, CycleJson.Options));
        if (inputJson is not null) LargeProperty.Write(row, "Input", inputJson);
        return row;
    }

    public static RuntimeStatus RuntimeStatusOf(CycleState s) => s switch
    {
        { Phase: CyclePhase.Closed } => RuntimeStatus.Completed,
        { Phase: CyclePhase.Terminated } => RuntimeStatus.Terminated,
        { Suspended: true } => RuntimeStatus.Suspended,
        { Phase: CyclePhase.NotStarted or CyclePhase.Planned } => RuntimeStatus.Pending,
        _ => RuntimeStatus.Running,
    };

    public async Task<IReadOnlyList<StoredEvent>> HistoryAsync(string cycleId, CancellationToken ct) =>
        await _table.QueryAsync(new TableQuery(CycleTable.RowsStartingWith(cycleId, CycleTable.EventPrefix)), ct)
            .Select(row => new StoredEvent(int.Parse(row.RowKey[CycleTable.EventPrefix.Length..]), row.GetString("Type")!,
                row.GetString("Actor")!, row.GetDateTimeOffset("At")!.Value, LargeProperty.Read(row, "Data")!))
            .ToListAsync(ct);
}

/// <summary>The Durable Functions runtime statuses, so monitoring tools read cycles like orchestrations.</summary>
public enum RuntimeStatus { Pending, Running, Suspended, Completed, Terminated, Failed }

public static class OutboxStatus
{
    public const string Pending = "Pending", Sending = "Sending", Sent = "Sent", Failed = "Failed";
}
