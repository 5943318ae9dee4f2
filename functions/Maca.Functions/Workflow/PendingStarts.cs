using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask.Client;

namespace Maca.Functions.Workflow;

/// <summary>
/// A cycle whose start the engine has taken but not yet recorded: it has an orchestration and no record. Its
/// partnership is read from the orchestration's input, so the coordinator who started it can follow it meanwhile.
/// </summary>
public sealed class PendingStarts(DurableTaskClient client)
{
    /// <summary>The partnership of the cycle's start still being processed; null if there is none.</summary>
    public async Task<string?> PartnershipAsync(string cycleId, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, ct);
        if (instance?.RuntimeStatus is not (OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running))
            return null;
        try { return (instance.ReadInputAs<CycleRun>()?.First?.Command as StartCycle)?.PartnershipId; }
        catch (System.Text.Json.JsonException) { return null; } // not one of ours: nothing to follow
    }
}
