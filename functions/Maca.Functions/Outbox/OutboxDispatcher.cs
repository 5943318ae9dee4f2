using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Functions.Email;
using Maca.Functions.Sweeping;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Outbox;

/// <summary>
/// Sends a cycle's queued emails at least once. Each email is first claimed with an ETag-guarded lease, so two
/// instances never send the same one; it is marked sent right after delivery. Only a crash between "sent" and
/// "marked sent" can send it twice, once the lease runs out.
/// </summary>
public sealed partial class OutboxDispatcher(OutboxStore outbox, IEmailSender sender, TimeProvider clock, CrashPoints crash,
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
        DateTimeOffset? next = null;
        await foreach (var row in outbox.UnsentAsync(cycleId, ct))
        {
            var now = clock.GetUtcNow();
            if (row.IsLeased(LeaseClock.GetUtcNow())) { next = Min(next, now + Lease); continue; }
            if (row.NextAttemptAt is { } notBefore && notBefore > now) { next = Min(next, notBefore); continue; }
            if (await SendOneAsync(row, now, ct) is { } retryAt) next = Min(next, retryAt);
        }
        return next;
    }

    private async Task<DateTimeOffset?> SendOneAsync(OutboxRow row, DateTimeOffset now, CancellationToken ct)
    {
        if (await outbox.TryClaimAsync(row, LeaseClock.GetUtcNow() + Lease, InstanceId, ct) is not { } claimed)
            return null; // another instance has it
        crash.Reach(CrashPoints.AfterEmailClaimed);

        OutboxRow outcome;
        try
        {
            var email = JsonSerializer.Deserialize<EmailMessage>(claimed.EmailJson, CycleJson.Options)!;
            var receipt = await sender.SendAsync(email, ct);
            crash.Reach(CrashPoints.AfterEmailSent);
            outcome = claimed with
            {
                Status = OutboxStatus.Sent, SentAt = clock.GetUtcNow(), Transport = receipt.Transport,
                ProviderMessageId = receipt.ProviderMessageId,
            };
            LogSent(row.OutboxId, row.Kind, receipt.Transport);
            Hosting.Telemetry.Emails.Add(1, new KeyValuePair<string, object?>("kind", row.Kind));
        }
        catch (EmailDeliveryException ex)
        {
            var giveUp = ex.Permanent || claimed.Attempts >= MaxAttempts;
            outcome = claimed with
            {
                Status = giveUp ? OutboxStatus.Failed : OutboxStatus.Pending,
                LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message,
                NextAttemptAt = giveUp ? claimed.NextAttemptAt
                    : now + (ex.RetryAfter ?? TimeSpan.FromSeconds(30 * Math.Pow(2, claimed.Attempts - 1))),
            };
            LogFailed(row.OutboxId, claimed.Attempts, giveUp, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An email that cannot even be built will never send: fail it for the coordinator to see, and go on.
            outcome = claimed with { Status = OutboxStatus.Failed, LastError = "The email could not be built: " + ex.GetType().Name };
            LogFailed(row.OutboxId, claimed.Attempts, true, ex.Message);
        }
        await outbox.RecordAsync(outcome, ct); // false: the lease ran out and another instance took over
        return outcome.Status == OutboxStatus.Pending ? outcome.NextAttemptAt : null;
    }

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {OutboxId} ({Kind}) sent by {Transport}")]
    private partial void LogSent(string outboxId, string kind, string transport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {OutboxId} failed on attempt {Attempt} (giving up: {GaveUp}): {Reason}")]
    private partial void LogFailed(string outboxId, int attempt, bool gaveUp, string reason);
}
