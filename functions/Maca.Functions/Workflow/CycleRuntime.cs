using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;
using Microsoft.DurableTask.Client;

namespace Maca.Functions.Workflow;

/// <summary>
/// A cycle's runtime status as Durable Task reports its orchestration. A cycle stopped by its coordinator ends its
/// orchestration with "Terminated" as the output, and reads as terminated. An audit loaded as past history never
/// had an orchestration; its recorded phase says how it ended.
/// </summary>
public sealed class CycleRuntime(DurableTaskClient client)
{
    public async Task<RuntimeStatus> StatusAsync(string cycleId, CycleState recorded, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, ct);
        return instance is null ? CycleStore.RuntimeStatusOf(recorded) : Of(instance);
    }

    /// <summary>Whether the cycle's orchestration could still act: a purge must wait until it cannot.</summary>
    public async Task<bool> IsLiveAsync(string cycleId, CancellationToken ct) =>
        await client.GetInstanceAsync(cycleId, ct) is { } instance
        && instance.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending
            or OrchestrationRuntimeStatus.Suspended;

    public static RuntimeStatus Of(OrchestrationMetadata instance) => instance.RuntimeStatus switch
    {
        OrchestrationRuntimeStatus.Pending => RuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => RuntimeStatus.Suspended,
        OrchestrationRuntimeStatus.Completed
            when instance.SerializedOutput?.Contains(nameof(CyclePhase.Terminated)) == true => RuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.Completed => RuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Terminated => RuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.Failed => RuntimeStatus.Failed,
        _ => RuntimeStatus.Running,
    };
}
