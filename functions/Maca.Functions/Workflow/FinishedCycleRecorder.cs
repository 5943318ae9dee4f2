using Azure;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Workflow;

/// <summary>
/// Records what still happens to a closed or terminated cycle, whose orchestration has ended: a document or summary
/// downloaded, documents removed under retention. Nothing of it is timed or sends email, so no orchestration is
/// needed; the snapshot's ETag makes two at once take turns.
/// </summary>
public sealed class FinishedCycleRecorder(CycleStore store, CycleDecider decider, TimeProvider clock)
{
    private const int MaxAttempts = 12;

    public async Task<CommandResult> RecordAsync(string cycleId, CycleCommand command, string actor,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var cycle = await store.LoadAsync(cycleId, ct);
            var decision = decider.Decide(command, cycle.State, clock.GetUtcNow());
            if (decision.Rejection is { } rejection) return CommandResult.Refused(cycle.State, rejection);
            if (decision.Events.Count == 0) return new CommandResult(cycle.State, []);
            var after = CycleEvolver.Fold(decision.Events, cycle.State);
            try
            {
                await store.CommitAsync(cycle, after, decision.Events, actor, [], null, null, ct);
                return new CommandResult(after, decision.Events.Select(e => e.GetType().Name).ToList());
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                if (attempt >= MaxAttempts) throw new CycleContentionException(cycleId, attempt, ex);
            }
        }
    }
}
