using System.Collections.Concurrent;
using System.Diagnostics;
using Maca.Functions.Cycles;
using Maca.Functions.Engine;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Workflow;

/// <summary>
/// How the sender of a request learns what the orchestrator made of it, for a short while. A decision recorded in
/// this process is heard the moment its activity writes it; one decided in another process, or one that changed
/// nothing, is read from the orchestration's custom status, polled a few times a second.
/// </summary>
public sealed class OutcomeWait(DurableTaskClient client, CycleStore store, IOptions<DurableEngineOptions> options)
{
    public sealed record Settled(CycleState State, IReadOnlyList<string> Events, Rejection? Rejection);

    // The activity's signal is the usual answer; the status is read only for what it cannot tell, twice a second.
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Settled>> _waiting = new();
    /// <summary>How long an answer waits for the engine (Durable:CommandWait).</summary>
    public TimeSpan Patience => options.Value.CommandWait;

    /// <summary>Listens before the request is raised, so an outcome that comes at once is not missed.</summary>
    public RequestWatch Watch(string requestId) =>
        new(this, requestId,
            _waiting.GetOrAdd(requestId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)));

    /// <summary>Called by the activity that records a decision.</summary>
    public void Settle(string? requestId, Settled settled)
    {
        if (requestId is not null && _waiting.TryGetValue(requestId, out var waiter)) waiter.TrySetResult(settled);
    }

    public sealed class RequestWatch(OutcomeWait owner, string requestId, TaskCompletionSource<Settled> heard)
        : IDisposable
    {
        /// <summary>The outcome, or null when it is not known within Durable:CommandWait.</summary>
        public Task<Settled?> OutcomeAsync(string cycleId, CancellationToken ct) =>
            owner.WaitAsync(cycleId, requestId, heard.Task, owner.Patience, ct);

        public Task<Settled?> OutcomeAsync(string cycleId, TimeSpan patience, CancellationToken ct) =>
            owner.WaitAsync(cycleId, requestId, heard.Task, patience, ct);

        public void Dispose() => owner._waiting.TryRemove(requestId, out _);
    }

    private async Task<Settled?> WaitAsync(string cycleId, string requestId, Task<Settled> heard, TimeSpan patience,
        CancellationToken ct)
    {
        // Real time, not the app's clock: the demo clock may jump by weeks while we wait.
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < patience)
        {
            if (await Task.WhenAny(heard, Task.Delay(Min(PollEvery, patience - waited.Elapsed), ct)) == heard)
                return await heard;
            var instance = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, ct);
            if (instance?.ReadCustomStatusAs<CycleProgress>()?.OutcomeOf(requestId) is { } told)
                return new Settled((await store.LoadAsync(cycleId, ct)).State, told.Events, told.Rejection);
        }
        return heard.IsCompletedSuccessfully ? await heard : null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
