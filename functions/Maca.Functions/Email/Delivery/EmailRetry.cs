using Maca.Functions.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask.Client;

namespace Maca.Functions.Email.Delivery;

/// <summary>
/// A coordinator sends a failed email again: it is pending once more, and the cycle's orchestrator is asked to send
/// it, with its retries. A finished cycle has no orchestrator left, so its email is tried once, here. The API and
/// the dashboard both come here.
/// </summary>
public sealed class EmailRetry(EmailDeliveries deliveries, CycleStore cycles, DurableTaskClient client,
    EmailSending sending, TimeProvider clock)
{
    public async Task<EmailDeliveries.RetryOutcome> RetryAsync(string cycleId, string outboxId, string actor,
        CancellationToken ct)
    {
        var outcome = await deliveries.RetryAsync(cycleId, outboxId, actor, clock.GetUtcNow(), ct);
        if (outcome != EmailDeliveries.RetryOutcome.Queued) return outcome;
        if ((await cycles.LoadAsync(cycleId, ct)).State.IsFinished)
        {
            await sending.TryAsync(outboxId, ct);
            return outcome;
        }
        var request = new CycleRequest(Guid.NewGuid().ToString("N"), actor, null) { ResendEmailId = outboxId };
        await client.RaiseEventAsync(cycleId, AuditCycleOrchestrator.CommandEvent, request, ct);
        return outcome;
    }
}
