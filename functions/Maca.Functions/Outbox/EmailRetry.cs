using Maca.Functions.Cycles;

namespace Maca.Functions.Outbox;

/// <summary>
/// A coordinator sends a failed email again: it goes back in the queue, a wake-up row makes the sweep send it even
/// if this process stops first, and the kick sends it at once. The API and the dashboard both come here.
/// </summary>
public sealed class EmailRetry(OutboxStore outbox, CycleStore cycles, WakeUpIndex wakeUps, OutboxKick kick, TimeProvider clock)
{
    public async Task<OutboxStore.RetryOutcome> RetryAsync(string cycleId, string outboxId, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outcome = await outbox.RetryAsync(cycleId, outboxId, actor, now, ct);
        if (outcome != OutboxStore.RetryOutcome.Queued) return outcome;
        await wakeUps.EnsureAsync(cycleId, now, (await cycles.LoadAsync(cycleId, ct)).State.Version - 1, ct);
        kick.Send(cycleId);
        return outcome;
    }
}
