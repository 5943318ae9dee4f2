using Maca.Functions.Cycles;
using Maca.Functions.Outbox;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask;

namespace Maca.Functions.Workflow;

/// <summary>
/// Writes one decision of a cycle's orchestrator where the pages read it: its events into the history, the state
/// into the snapshot, and its emails (with their links) into the outbox, in one transaction. The orchestrator is the
/// only writer of its cycle, and an activity runs at least once: a second run finds the events already there.
/// </summary>
public sealed class RecordCycleDecisionActivity(CycleStore store, EmailComposer composer)
    : TaskActivity<CycleDecisionRecord, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, CycleDecisionRecord input)
    {
        if (input.Events.Count == 0) return [];
        var cycle = await store.LoadAsync(input.CycleId, CancellationToken.None);
        var emails = EmailComposer.OutboxIds(input.CycleId, input.FromVersion, input.Events);
        if (cycle.State.Version >= input.FromVersion + input.Events.Count) return emails;
        if (cycle.State.Version != input.FromVersion)
            throw new InvalidOperationException(
                $"Cycle {input.CycleId} is at version {cycle.State.Version}; "
                + $"its orchestrator decided from {input.FromVersion}.");
        var after = CycleEvolver.Fold(input.Events, cycle.State);
        await store.CommitAsync(cycle, after, input.Events, input.Actor, composer.Entries(cycle, after, input.Events),
            inputJson: null, request: null, CancellationToken.None);
        return emails;
    }
}
