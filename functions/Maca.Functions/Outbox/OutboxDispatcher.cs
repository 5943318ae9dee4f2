using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Functions.Email;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;
using Maca.Functions.Sweeping;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Outbox;

/// <summary>
/// Sends a cycle's queued emails at least once. Each email is first claimed with an ETag-guarded lease, so two
/// instances never send the same one; it is marked sent right after delivery. Only a crash between "sent" and
/// "marked sent" can send it twice, once the lease runs out.
/// </summary>
public sealed partial class OutboxDispatcher(CycleStore store, IEmailSender sender, TimeProvider clock, CrashPoints crash,
    IOptions<SweepOptions> options, ILogger<OutboxDispatcher> logger)
{
    private TimeSpan Lease => options.Value.EmailLease;

    // A lease guards against two live senders, so it runs on real time: a workflow clock moved forward for a demo
    // must not expire a lease while its holder is still sending.
    private static readonly TimeProvider LeaseClock = TimeProvider.System;
    public const int MaxAttempts = 8;
    private static readonly string InstanceId = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Sends what is due; returns when the next unsent email should be tried, or null when none is left.</summary>
    public async Task<DateTimeOffset?> DispatchAsync(string cycleId, CancellationToken ct)
    {
        var filter = CycleTable.RowsStartingWith(cycleId, CycleTable.OutboxPrefix)
            + $" and Status ne '{OutboxStatus.Sent}' and Status ne '{OutboxStatus.Failed}'";
        DateTimeOffset? next = null;
        await foreach (var row in store.Table.QueryAsync(new TableQuery(filter), ct))
        {
            var now = clock.GetUtcNow();
            if (row.GetString("Status") == OutboxStatus.Sending && row.GetDateTimeOffset("LeaseUntil") > LeaseClock.GetUtcNow())
            {
                next = Min(next, now + Lease);
                continue;
            }
            if (row.GetDateTimeOffset("NextAttemptAt") is { } notBefore && notBefore > now) { next = Min(next, notBefore); continue; }
            if (await SendOneAsync(row, now, ct) is { } retryAt) next = Min(next, retryAt);
        }
        return next;
    }

    private async Task<DateTimeOffset?> SendOneAsync(TableEntity row, DateTimeOffset now, CancellationToken ct)
    {
        var attempts = (row.GetInt32("Attempts") ?? 0) + 1;
        row["Status"] = OutboxStatus.Sending;
        row["LeaseUntil"] = LeaseClock.GetUtcNow() + Lease;
        row["Attempts"] = attempts;
        row["Owner"] = InstanceId;
        string claimed;
        try { claimed = await store.Table.UpdateAsync(row, row.ETag!, TableUpdateMode.Replace, ct); }
        catch (StoragePreconditionFailedException) { return null; } // another instance has it
        crash.Reach(CrashPoints.AfterEmailClaimed);

        var email = JsonSerializer.Deserialize<EmailMessage>(LargeProperty.Read(row, "Email")!, CycleJson.Options)!;
        DateTimeOffset? retryAt = null;
        try
        {
            var receipt = await sender.SendAsync(email, ct);
            crash.Reach(CrashPoints.AfterEmailSent);
            row["Status"] = OutboxStatus.Sent;
            row["SentAt"] = clock.GetUtcNow();
            row["Transport"] = receipt.Transport;
            if (receipt.ProviderMessageId is { } id) row["ProviderMessageId"] = id;
            LogSent(row.GetString("OutboxId")!, row.GetString("Kind")!, receipt.Transport);
        }
        catch (EmailDeliveryException ex)
        {
            var giveUp = ex.Permanent || attempts >= MaxAttempts;
            row["Status"] = giveUp ? OutboxStatus.Failed : OutboxStatus.Pending;
            row["LastError"] = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
            if (!giveUp) row["NextAttemptAt"] = retryAt = now + (ex.RetryAfter ?? TimeSpan.FromSeconds(30 * Math.Pow(2, attempts - 1)));
            LogFailed(row.GetString("OutboxId")!, attempts, giveUp, ex.Message);
        }
        try { await store.Table.UpdateAsync(row, claimed, TableUpdateMode.Replace, ct); }
        catch (StoragePreconditionFailedException) { /* the lease ran out and another instance took over */ }
        return retryAt;
    }

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {OutboxId} ({Kind}) sent by {Transport}")]
    private partial void LogSent(string outboxId, string kind, string transport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {OutboxId} failed on attempt {Attempt} (giving up: {GaveUp}): {Reason}")]
    private partial void LogFailed(string outboxId, int attempt, bool gaveUp, string reason);
}
