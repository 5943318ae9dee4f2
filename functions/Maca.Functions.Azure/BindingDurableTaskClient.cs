using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace Maca.IsolatedWorker;

/// <summary>
/// The app's singletons take one DurableTaskClient. In Azure the only client is the one the [DurableClient] binding
/// gives (it knows the host's Durable endpoint), so this forwards to the latest one handed over by a function.
/// </summary>
public sealed class BindingDurableTaskClient() : DurableTaskClient("binding")
{
    private volatile DurableTaskClient? _inner;

    public void Use(DurableTaskClient client) => _inner = client;

    private DurableTaskClient Inner => _inner ?? throw new InvalidOperationException(
        "No Durable client yet: none is had until an HTTP or timer function has been invoked with its binding.");

    public override DurableEntityClient Entities => Inner.Entities;

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null,
        StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        Inner.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null,
        CancellationToken cancellation = default) =>
        Inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId,
        bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Inner.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId,
        bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null,
        CancellationToken cancellation = default) => Inner.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null,
        CancellationToken cancellation = default) => Inner.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null,
        CancellationToken cancellation = default) => Inner.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default) =>
        Inner.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Inner.GetAllInstancesAsync(filter);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null,
        CancellationToken cancellation = default) => Inner.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter,
        PurgeInstanceOptions? options = null,
        CancellationToken cancellation = default) => Inner.PurgeAllInstancesAsync(filter, options, cancellation);

    // Not the bound client's to dispose: the extension caches it per endpoint.
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
