using Azure;
using Azure.Data.Tables;
using Maca.Functions.Cycles;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;

namespace Maca.Functions.Outbox;

/// <summary>
/// Owns the outbox rows in each cycle's partition: queued in the command's own transaction, claimed with an
/// ETag-guarded lease, then marked sent, rescheduled or failed. A write that finds the row changed by another
/// instance reports it instead of overwriting.
/// </summary>
public sealed class OutboxStore(StorageAccount storage)
{
    private readonly TableClient _table = storage.Table(CycleTable.Name);

    /// <summary>The insert that puts one email in the outbox, for the commit's transaction.</summary>
    public static TableTransactionAction QueueAction(string cycleId, OutboxEntry email, DateTimeOffset queuedAt)
    {
        var row = new TableEntity(cycleId, CycleTable.OutboxRow(email.Version))
        {
            ["OutboxId"] = email.OutboxId, ["Kind"] = email.Kind, ["Status"] = nameof(OutboxStatus.Pending),
            ["Attempts"] = 0, ["QueuedAt"] = queuedAt, ["NextAttemptAt"] = queuedAt,
        };
        LargeProperty.Write(row, "Email", email.EmailJson);
        return new TableTransactionAction(TableTransactionActionType.Add, row);
    }

    public IAsyncEnumerable<OutboxRow> UnsentAsync(string cycleId, CancellationToken ct) =>
        _table.QueryAsync<TableEntity>(CycleTable.RowsStartingWith(cycleId, CycleTable.OutboxPrefix)
            + TableClient.CreateQueryFilter($" and Status ne {nameof(OutboxStatus.Sent)} and Status ne {nameof(OutboxStatus.Failed)}"),
            cancellationToken: ct).Select(Read);

    public async Task<IReadOnlyList<OutboxRow>> AllAsync(string cycleId, CancellationToken ct) =>
        await _table.QueryAsync<TableEntity>(CycleTable.RowsStartingWith(cycleId, CycleTable.OutboxPrefix), cancellationToken: ct)
            .Select(Read).ToListAsync(ct);

    public enum RetryOutcome { Queued, NotFound, NotFailed }

    /// <summary>A coordinator sends a failed email again: it is pending once more, with a fresh count of attempts.</summary>
    public async Task<RetryOutcome> RetryAsync(string cycleId, string outboxId, string by, DateTimeOffset at, CancellationToken ct)
    {
        var row = (await AllAsync(cycleId, ct)).FirstOrDefault(r => r.OutboxId == outboxId);
        if (row is null) return RetryOutcome.NotFound;
        if (row.Status != OutboxStatus.Failed) return RetryOutcome.NotFailed;
        var again = row with { Status = OutboxStatus.Pending, Attempts = 0, NextAttemptAt = at, RetriedBy = by, RetriedAt = at };
        // Lost to the dispatcher touching the row at the same moment: look again.
        return await TryReplaceAsync(again, row.ETag, null, ct) is null
            ? await RetryAsync(cycleId, outboxId, by, at, ct)
            : RetryOutcome.Queued;
    }

    /// <summary>Takes the email for this sender until <paramref name="leaseUntil"/>; null if another instance got there first.</summary>
    public async Task<OutboxRow?> TryClaimAsync(OutboxRow row, DateTimeOffset leaseUntil, string owner, CancellationToken ct)
    {
        var claimed = row with { Status = OutboxStatus.Sending, LeaseUntil = leaseUntil, Attempts = row.Attempts + 1 };
        var etag = await TryReplaceAsync(claimed, row.ETag, ("Owner", owner), ct);
        return etag is null ? null : claimed with { ETag = etag.Value };
    }

    /// <summary>Records the outcome of a claimed send; false when the lease ran out and another instance took over.</summary>
    public async Task<bool> RecordAsync(OutboxRow outcome, CancellationToken ct) =>
        await TryReplaceAsync(outcome, outcome.ETag, null, ct) is not null;

    private async Task<ETag?> TryReplaceAsync(OutboxRow row, ETag ifMatch, (string Name, string Value)? extra, CancellationToken ct)
    {
        var entity = Write(row);
        if (extra is { } e) entity[e.Name] = e.Value;
        try { return (await _table.UpdateCheckedAsync(entity, ifMatch, ct)).Headers.ETag; }
        catch (RequestFailedException ex) when (ex.Status == 412) { return null; }
    }

    private static TableEntity Write(OutboxRow row)
    {
        var entity = new TableEntity(row.CycleId, row.RowKey)
        {
            ["OutboxId"] = row.OutboxId, ["Kind"] = row.Kind, ["Status"] = row.Status.ToString(), ["Attempts"] = row.Attempts,
            ["QueuedAt"] = row.QueuedAt,
        };
        // Absent rather than null: a replace drops what it does not name.
        foreach (var (name, value) in new (string, object?)[]
        {
            ("NextAttemptAt", row.NextAttemptAt), ("LeaseUntil", row.LeaseUntil), ("SentAt", row.SentAt),
            ("Transport", row.Transport), ("ProviderMessageId", row.ProviderMessageId), ("LastError", row.LastError),
            ("RetriedBy", row.RetriedBy), ("RetriedAt", row.RetriedAt),
        })
            if (value is not null) entity[name] = value;
        LargeProperty.Write(entity, "Email", row.EmailJson);
        return entity;
    }

    private static OutboxRow Read(TableEntity e) => new(
        e.PartitionKey, e.RowKey, e.GetString("OutboxId")!, e.GetString("Kind")!,
        Enum.Parse<OutboxStatus>(e.GetString("Status")!), e.GetInt32("Attempts") ?? 0,
        e.GetDateTimeOffset("QueuedAt")!.Value, e.GetDateTimeOffset("NextAttemptAt"), e.GetDateTimeOffset("LeaseUntil"),
        e.GetDateTimeOffset("SentAt"), e.GetString("Transport"), e.GetString("ProviderMessageId"), e.GetString("LastError"),
        LargeProperty.Read(e, "Email")!, e.ETag, e.GetString("RetriedBy"), e.GetDateTimeOffset("RetriedAt"));
}
