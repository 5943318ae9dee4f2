using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maca.Orchestrations.Tests.Workflow;

/// <summary>
/// A recorded run for the orchestrator, with no engine: the requests it receives, in order, and a clock that moves
/// only when one of its timers fires. Everything the orchestrator asks for (activities, timers, its status) is written
/// down, so two runs of the same recording can be compared action by action.
/// </summary>
public sealed class ScriptedOrchestrationContext(string instanceId, DateTime start, IEnumerable<CycleRequest> requests)
    : TaskOrchestrationContext
{
    private readonly Queue<CycleRequest> _requests = new(requests);
    private readonly List<(DateTime FireAt, TaskCompletionSource Done, CancellationToken Cancel)> _timers = [];
    private TaskCompletionSource<CycleRequest>? _waiter;
    private DateTime _now = start;

    public List<string> Actions { get; } = [];
    public object? ContinuedWith { get; private set; }

    public override TaskName Name => nameof(AuditCycleOrchestrator);
    public override string InstanceId => instanceId;
    public override ParentOrchestrationInstance? Parent => null;
    public override DateTime CurrentUtcDateTime => _now;
    public override bool IsReplaying => false;
    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    /// <summary>Runs the orchestrator to the end of the recording: each request in turn, else the earliest timer.</summary>
    public async Task<string> RunAsync(TaskOrchestrator<CycleRun, string> orchestrator, CycleRun input)
    {
        var run = orchestrator.RunAsync(this, input);
        while (!run.IsCompleted)
        {
            if (_waiter is { } waiter && _requests.TryDequeue(out var request))
            {
                _waiter = null;
                waiter.SetResult(request);
                continue;
            }
            var live = _timers.Where(t => !t.Cancel.IsCancellationRequested && !t.Done.Task.IsCompleted).ToList();
            if (live.Count == 0) break;
            var earliest = live.MinBy(t => t.FireAt);
            _now = earliest.FireAt;
            Actions.Add($"timer fired {earliest.FireAt:O}");
            earliest.Done.SetResult();
        }
        return run.IsCompleted ? await run : "waiting";
    }

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        Actions.Add(input is CycleDecisionRecord d
            ? $"{name}: from {d.FromVersion}, {string.Join(" ", d.Events.Select(e => e.GetType().Name))}, {d.Rejection?.Kind}"
            : $"{name}: {input}");
        object result = input is CycleDecisionRecord decision ? OutboxIds(decision) : true;
        return Task.FromResult((TResult)result);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource();
        _timers.Add((fireAt, done, cancellationToken));
        Actions.Add($"timer for {fireAt:O}");
        return done.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        if (typeof(T) != typeof(CycleRequest)) throw new NotSupportedException(typeof(T).Name);
        _waiter = new TaskCompletionSource<CycleRequest>();
        return (Task<T>)(object)_waiter.Task;
    }

    public override void SetCustomStatus(object? customStatus) =>
        Actions.Add(customStatus is CycleProgress p ? $"status {p.Phase} v{p.Version}" : $"status {customStatus}");

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        ContinuedWith = newInput;
        Actions.Add("continue as new");
    }

    public override T? GetInput<T>() where T : default => default;
    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();
    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null,
        TaskOptions? options = null) => throw new NotSupportedException("The cycle has no sub-orchestrations.");
    public override Guid NewGuid() => throw new NotSupportedException("The cycle's orchestrator makes no ids.");

    /// <summary>The email ids the recording activity would give: one per queued notification, by its version.</summary>
    private static IReadOnlyList<string> OutboxIds(CycleDecisionRecord d) =>
        d.Events.Select((e, i) => (e, Version: d.FromVersion + i + 1)).Where(x => x.e is NotificationQueued)
            .Select(x => $"{d.CycleId}.{x.Version:D8}").ToList();
}
