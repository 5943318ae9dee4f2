using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Functions.Email.Delivery;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask;

namespace Maca.Functions.Workflow;

/// <summary>
/// Writes one decision of a cycle's orchestrator where the pages read it: its events into the history, the state
/// into the snapshot, its emails (with their links) and the request's first answer, in one transaction; or, for a
/// refusal, a note the dashboard shows. The orchestrator is the only writer of its cycle, and an activity runs at
/// least once: a second run finds the events already there.
/// </summary>
public sealed class RecordCycleDecisionActivity(CycleStore store, EmailComposer composer, CycleRefusals refusals,
    OutcomeWait outcomes, TimeProvider clock) : TaskActivity<CycleDecisionRecord, IReadOnlyList<string>>
{
    public override async Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, CycleDecisionRecord input)
    {
        var cycle = await store.LoadAsync(input.CycleId, CancellationToken.None);
        if (input.Rejection is { } rejection)
        {
            if (input.RequestId is { } requestId)
                await refusals.RecordAsync(input.CycleId, new CycleRefusals.Refusal(requestId, input.CommandName ?? "",
                    input.Actor, rejection.Message, clock.GetUtcNow()), CancellationToken.None);
            outcomes.Settle(input.RequestId, new OutcomeWait.Settled(cycle.State, [], rejection));
            return [];
        }
        var emails = EmailComposer.OutboxIds(input.CycleId, input.FromVersion, input.Events);
        var types = input.Events.Select(e => e.GetType().Name).ToList();
        if (cycle.State.Version < input.FromVersion + input.Events.Count)
        {
            if (cycle.State.Version != input.FromVersion)
                throw new InvalidOperationException($"Cycle {input.CycleId} is at version {cycle.State.Version}; "
                    + $"its orchestrator decided from {input.FromVersion}.");
            var after = CycleEvolver.Fold(input.Events, cycle.State);
            await store.CommitAsync(cycle, after, input.Events, input.Actor, composer.Entries(cycle, after, input.Events),
                input.InputJson, FirstAnswer(input, after, types), CancellationToken.None);
            cycle = cycle with { State = after };
        }
        outcomes.Settle(input.RequestId, new OutcomeWait.Settled(cycle.State, types, null));
        return emails;
    }

    private static (string, StoredResponse)? FirstAnswer(CycleDecisionRecord input, CycleState after,
        IReadOnlyList<string> types)
    {
        if (input.Idempotency is not { } request) return null;
        var answer = JsonSerializer.Serialize(new FirstAnswer(types, after.Version, after.Phase.ToString()),
            CycleJson.Options);
        return (request.Key, new StoredResponse(202, answer, request.Fingerprint));
    }
}
