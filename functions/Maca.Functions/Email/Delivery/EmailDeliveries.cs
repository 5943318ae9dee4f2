using Azure;
using Azure.Data.Tables;
using Maca.Functions.Cycles;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;

namespace Maca.Functions.Email.Delivery;

/// <summary>
/// Owns the email rows in each cycle's partition: written in the decision's own transaction, then marked sent or
/// failed by the activity that sends them. The orchestrator sends one email at a time, so a row has one writer; the
/// ETag still guards a coordinator's retry against a send finishing at that moment.
/// </summary>
public sealed class EmailDeliveries(StorageAccount storage)
{
    private readonly TableClient _table = storage.Table(CycleTable.Name);

    /// <summary>The insert that records one email, for the decision's transaction.</summary>
    public static TableTransactionAction QueueAction(string cycleId, QueuedEmail email, DateTimeOffset queuedAt)
    {
        var row = new TableEntity(cycleId, CycleTable.EmailRow(email.Version))
        {
            ["OutboxId"] = email.OutboxId, ["Kind"] = email.Kind, ["Status"] = nameof(EmailStatus.Pending),
            ["Attempts"] = 0, ["QueuedAt"] = queuedAt,
        };
        LargeProperty.Write(row, "Email", email.EmailJson);
        return new TableTransactionAction(TableTransactionActionType.Add, row);
    }

    public async Task<IReadOnlyList<EmailDeliveryRow>> AllAsync(string cycleId, CancellationToken ct) =>
        await _table.QueryAsync<TableEntity>(CycleTable.RowsStartingWith(cycleId, CycleTable.EmailPrefix),
                cancellationToken: ct)
            .Select(Read).ToListAsync(ct);

    /// <summary>One email by its id ("cycle.version"), or null when there is no such email.</summary>
    public async Task<EmailDeliveryRow?> FindAsync(string outboxId, CancellationToken ct)
    {
        var dot = outboxId.LastIndexOf('.');
        if (dot < 1 || !int.TryParse(outboxId[(dot + 1)..], out var version)) return null;
        var row = await _table.GetOrNullAsync(outboxId[..dot], CycleTable.EmailRow(version), ct);
        return row is null ? null : Read(row);
    }

    public enum RetryOutcome { Queued, NotFound, NotFailed }

    /// <summary>A coordinator sends a failed email again: pending once more, with a fresh count of attempts.</summary>
    public async Task<RetryOutcome> RetryAsync(string cycleId, string outboxId, string by, DateTimeOffset at,
        CancellationToken ct)
    {
        // An id of another cycle's email is not found here, as if it did not exist.
        if (await FindAsync(outboxId, ct) is not { } row || row.CycleId != cycleId || row.OutboxId != outboxId)
            return RetryOutcome.NotFound;
        if (row.Status != EmailStatus.Failed) return RetryOutcome.NotFailed;
        var again = row with { Status = EmailStatus.Pending, Attempts = 0, RetriedBy = by, RetriedAt = at };
        return await TryRecordAsync(again, ct) ? RetryOutcome.Queued : await RetryAsync(cycleId, outboxId, by, at, ct);
    }

    /// <summary>Writes where a send stands; false when the row changed since it was read.</summary>
    public async Task<bool> TryRecordAsync(EmailDeliveryRow row, CancellationToken ct)
    {
        try
        {
            await _table.UpdateCheckedAsync(Write(row), row.ETag, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412) { return false; }
    }

    private static TableEntity Write(EmailDeliveryRow row)
    {
        var entity = new TableEntity(row.CycleId, row.RowKey)
        {
            ["OutboxId"] = row.OutboxId, ["Kind"] = row.Kind, ["Status"] = row.Status.ToString(),
            ["Attempts"] = row.Attempts, ["QueuedAt"] = row.QueuedAt,
        };
        // Absent rather than null: a replace drops what it does not name.
        foreach (var (name, value) in new (string, object?)[]
        {
            ("SentAt", row.SentAt), ("Transport", row.Transport), ("ProviderMessageId", row.ProviderMessageId),
            ("LastError", row.LastError), ("RetriedBy", row.RetriedBy), ("RetriedAt", row.RetriedAt),
        })
            if (value is not null) entity[name] = value;
        LargeProperty.Write(entity, "Email", row.EmailJson);
        return entity;
    }

    private static EmailDeliveryRow Read(TableEntity e) => new(
        e.PartitionKey, e.RowKey, e.GetString("OutboxId")!, e.GetString("Kind")!,
        Enum.Parse<EmailStatus>(e.GetString("Status")!), e.GetInt32("Attempts") ?? 0,
        e.GetDateTimeOffset("QueuedAt")!.Value, e.GetDateTimeOffset("SentAt"), e.GetString("Transport"),
        e.GetString("ProviderMessageId"), e.GetString("LastError"), LargeProperty.Read(e, "Email")!, e.ETag,
        e.GetString("RetriedBy"), e.GetDateTimeOffset("RetriedAt"));
}
