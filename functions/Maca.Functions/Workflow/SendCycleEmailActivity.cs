using Maca.Functions.Outbox;
using Microsoft.DurableTask;

namespace Maca.Functions.Workflow;

/// <summary>
/// Sends a cycle's queued emails. The outbox row claims each send, so a second run sends nothing twice; an email
/// still waiting for a retry makes the activity fail, and the orchestrator's retry policy runs it again later.
/// </summary>
public sealed class SendCycleEmailActivity(OutboxDispatcher dispatcher) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string outboxId)
    {
        var cycleId = outboxId[..outboxId.LastIndexOf('.')];
        if (await dispatcher.DispatchAsync(cycleId, CancellationToken.None) is { } retryAt)
            throw new EmailNotYetSentException($"Email {outboxId} is to be tried again at {retryAt:O}.");
        return true;
    }
}

public sealed class EmailNotYetSentException(string message) : Exception(message);
