using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Workflow;

namespace Maca.Functions.Email.Delivery;

/// <summary>
/// Sends one email of a cycle and records how it went. A send that may work later (the provider is busy or down)
/// is left pending for another try; on the last attempt, or when the provider refuses it for good, it is marked
/// failed for the coordinator to see and send again. An email already sent is not sent again, so only a crash
/// between the send and its record can send it twice.
/// </summary>
public sealed partial class EmailSending(EmailDeliveries deliveries, IEmailSender sender, TimeProvider clock,
    ILogger<EmailSending> logger)
{
    /// <summary>Tries one email once, if it is still to be sent: did it go, and is it worth another try?</summary>
    public async Task<(bool Sent, bool Again)> TryAsync(string outboxId, CancellationToken ct)
    {
        var row = await deliveries.FindAsync(outboxId, ct);
        if (row is not { Status: EmailStatus.Pending }) return (row?.Status == EmailStatus.Sent, false);
        var (outcome, again) = await SendAsync(row with { Attempts = row.Attempts + 1 });
        await deliveries.TryRecordAsync(outcome, ct);
        return (outcome.Status == EmailStatus.Sent, again);
    }

    private async Task<(EmailDeliveryRow Outcome, bool Again)> SendAsync(EmailDeliveryRow row)
    {
        try
        {
            var email = JsonSerializer.Deserialize<EmailMessage>(row.EmailJson, CycleJson.Options)!;
            var receipt = await sender.SendAsync(email, CancellationToken.None);
            LogSent(row.OutboxId, row.Kind, receipt.Transport);
            Hosting.Telemetry.Emails.Add(1, new KeyValuePair<string, object?>("kind", row.Kind));
            return (row with
            {
                Status = EmailStatus.Sent, SentAt = clock.GetUtcNow(), Transport = receipt.Transport,
                ProviderMessageId = receipt.ProviderMessageId,
            }, false);
        }
        catch (EmailDeliveryException ex)
        {
            var giveUp = ex.Permanent || row.Attempts >= CycleActivities.EmailAttempts;
            LogFailed(row.OutboxId, row.Attempts, giveUp, ex.Message);
            return (row with
            {
                Status = giveUp ? EmailStatus.Failed : EmailStatus.Pending,
                LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message,
            }, !giveUp);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            // An email that cannot even be built will never send: fail it for the coordinator to see, and go on.
            LogFailed(row.OutboxId, row.Attempts, true, ex.Message);
            var unbuildable = "The email could not be built: " + ex.GetType().Name;
            return (row with { Status = EmailStatus.Failed, LastError = unbuildable }, false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {OutboxId} ({Kind}) sent by {Transport}")]
    private partial void LogSent(string outboxId, string kind, string transport);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Email {OutboxId} failed on attempt {Attempt} (giving up: {GaveUp}): {Reason}")]
    private partial void LogFailed(string outboxId, int attempt, bool gaveUp, string reason);
}

