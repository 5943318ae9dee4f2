using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Maca.Functions.Access.Links;
using Maca.Functions.Email.Delivery;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>
/// Owns a cycle's snapshot, event and request rows. A commit writes the new events, the snapshot (guarded by its
/// ETag), the outbox emails and the idempotency record as one entity-group transaction: all of it, or none.
/// </summary>
public sealed class CycleStore(StorageAccount storage, SnapshotSpill spill)
{
    private readonly TableClient _table = storage.Table(CycleTable.Name);

    public Task InitializeAsync(CancellationToken ct) => Task.WhenAll(_table.CreateIfNotExistsAsync(ct), spill.InitializeAsync(ct));

    public async Task<CycleRecord> LoadAsync(string cycleId, CancellationToken ct)
    {
        var row = await _table.GetOrNullAsync(cycleId, CycleTable.Snapshot, ct);
        return row is null ? CycleRecord.New(cycleId) : await FromSnapshotRowAsync(row, ct);
    }

    private async Task<CycleRecord> FromSnapshotRowAsync(TableEntity row, CancellationToken ct)
    {
        var state = row.GetString("StateBlob") is { } blob ? await spill.GetAsync(blob, ct) : LargeProperty.Read(row, "State")!;
        return new(row.PartitionKey, JsonSerializer.Deserialize<CycleState>(state, CycleJson.Options)!, row.ETag,
            LargeProperty.Read(row, "Input"));
    }

    public async Task<StoredResponse?> FindResponseAsync(string cycleId, string idempotencyKey, CancellationToken ct)
    {
        var row = await _table.GetOrNullAsync(cycleId, CycleTable.RequestRow(idempotencyKey), ct);
        return row is null ? null
            : new StoredResponse(row.GetInt32("Status")!.Value, LargeProperty.Read(row, "Body") ?? "", row.GetString("Fingerprint") ?? "");
    }

    /// <summary>Commits everything a command decided; returns the snapshot's new ETag.</summary>
    public async Task<ETag> CommitAsync(CycleRecord before, CycleState after, IReadOnlyList<CycleEvent> events, string actor,
        IReadOnlyList<QueuedEmail> outbox, string? inputJson, (string Key, StoredResponse Response)? request, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>();
        var version = before.State.Version;
        foreach (var e in events)
        {
            var row = new TableEntity(before.CycleId, CycleTable.EventRow(++version))
            {
                ["Type"] = e.GetType().Name, ["Actor"] = actor, ["At"] = e.At,
            };
            LargeProperty.Write(row, "Data", JsonSerializer.Serialize(e, CycleJson.Options));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }
        actions.AddRange(outbox.Select(email => EmailDeliveries.QueueAction(before.CycleId, email, after.LastUpdatedAt)));
        actions.AddRange(outbox.Where(e => e.Link is not null).Select(e => MagicLinkStore.IssueAction(e.Link!, after.LastUpdatedAt)));
        if (request is { } r)
        {
            var row = new TableEntity(before.CycleId, CycleTable.RequestRow(r.Key))
            {
                ["Status"] = r.Response.Status, ["Fingerprint"] = r.Response.Fingerprint,
            };
            LargeProperty.Write(row, "Body", r.Response.Body);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }
        var snapshot = await SnapshotRowAsync(before.CycleId, after, inputJson ?? before.InputJson, ct);
        actions.Add(before.ETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, snapshot, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, snapshot));
        var responses = await _table.SubmitCheckedAsync(actions, ct);
        return responses.Value[^1].Headers.ETag ?? throw new InvalidOperationException("The snapshot's write returned no ETag.");
    }

    private async Task<TableEntity> SnapshotRowAsync(string cycleId, CycleState state, string? inputJson, CancellationToken ct)
    {
        var row = new TableEntity(cycleId, CycleTable.Snapshot)
        {
            ["Version"] = state.Version, ["PartnershipId"] = state.PartnershipId, ["Theme"] = state.Theme,
            ["Phase"] = state.Phase.ToString(), ["RuntimeStatus"] = RuntimeStatusOf(state).ToString(),
            ["CreatedTime"] = state.CreatedAt, ["LastUpdatedTime"] = state.LastUpdatedAt,
        };
        if (state.NextDueAt is { } due) row["NextDueAt"] = due;
        var json = JsonSerializer.Serialize(state, CycleJson.Options);
        // A large cycle's state spills to a blob written before the commit, so the row never nears 1 MiB.
        if (json.Length > SnapshotSpill.InlineLimitChars) row["StateBlob"] = await spill.PutAsync(cycleId, json, ct);
        else LargeProperty.Write(row, "State", json);
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
        await _table.QueryAsync<TableEntity>(CycleTable.RowsStartingWith(cycleId, CycleTable.EventPrefix), cancellationToken: ct)
            .Select(row => new StoredEvent(int.Parse(row.RowKey[CycleTable.EventPrefix.Length..]), row.GetString("Type")!,
                row.GetString("Actor")!, row.GetDateTimeOffset("At")!.Value, LargeProperty.Read(row, "Data")!))
            .ToListAsync(ct);

    /// <summary>One page of snapshots matching the extra filter clauses, across partitions.</summary>
    public async Task<(IReadOnlyList<CycleRecord> Cycles, string? Continuation)> ListPageAsync(
        IEnumerable<string> clauses, int top, string? continuation, CancellationToken ct)
    {
        var filter = string.Join(" and ", clauses.Prepend(TableClient.CreateQueryFilter($"RowKey eq {CycleTable.Snapshot}")));
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, top, cancellationToken: ct).AsPages(continuation, top))
        {
            var cycles = new List<CycleRecord>();
            foreach (var row in page.Values) cycles.Add(await FromSnapshotRowAsync(row, ct));
            return (cycles, page.ContinuationToken);
        }
        return ([], null);
    }

    /// <summary>Every snapshot matching the clauses, a page at a time.</summary>
    public async IAsyncEnumerable<CycleRecord> ListAllAsync(IEnumerable<string> clauses, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filters = clauses.ToList();
        string? continuation = null;
        do
        {
            var (cycles, next) = await ListPageAsync(filters, pageSize, continuation, ct);
            foreach (var cycle in cycles) yield return cycle;
            continuation = next;
        } while (continuation is not null);
    }

    /// <summary>Deletes every row of the cycle's partition, a transaction of up to 100 at a time; returns how many.</summary>
    public async Task<int> DeleteAllRowsAsync(string cycleId, CancellationToken ct)
    {
        var keys = await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {cycleId}"),
                select: ["PartitionKey", "RowKey"], cancellationToken: ct)
            .Select(e => e.RowKey).ToListAsync(ct);
        foreach (var chunk in keys.Chunk(TableRules.MaxTransactionOperations))
            await _table.SubmitCheckedAsync(
                chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(cycleId, rk), ETag.All))
                    .ToList(), ct);
        return keys.Count;
    }
}

/// <summary>The Durable Functions runtime statuses, so monitoring tools read cycles like orchestrations.</summary>
public enum RuntimeStatus { Pending, Running, Suspended, Completed, Terminated, Failed }
