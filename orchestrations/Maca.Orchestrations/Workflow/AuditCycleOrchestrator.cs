using Maca.Orchestrations.Cycles;
using Microsoft.DurableTask;

namespace Maca.Orchestrations.Workflow;

/// <summary>
/// One audit cycle as a Durable Task orchestration; its instance id is the cycle id. It waits for the next command
/// or the next due step, whichever comes first, decides with the orchestration's own clock, folds, and hands the
/// decision's effects to activities: recording it (the read model and the history) and sending each email. It is
/// deterministic: no clock, ids or I/O of its own, so a replay of its history makes the same decisions.
/// </summary>
public sealed class AuditCycleOrchestrator(CycleDecider decider) : TaskOrchestrator<CycleRun, string>
{
    public const string CommandEvent = "Command";
    /// <summary>
    /// Generations stay short, so a replay reads a few hundred history events, not a cycle's lifetime.
    /// </summary>
    public const int TurnsPerGeneration = 40;
    private const int RecentOutcomes = 20;

    private static readonly TaskOptions EmailRetries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: CycleActivities.EmailAttempts, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 3));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, CycleRun run)
    {
        var (state, offset, handled) = (run.State, run.ClockOffset, run.HandledRequests.ToList());
        var recent = new List<RequestOutcome>();
        // A moved clock is answered once the steps it made due are done, so its sender sees their effects.
        var clockMoves = new List<CycleRequest>();
        context.SetCustomStatus(Progress(state, recent));
        // One waiter for the whole generation: a waiter left behind by a timer that won would swallow a command.
        var next = context.WaitForExternalEvent<CycleRequest>(CommandEvent);
        var timer = new DueTimer(context);
        var first = run.First;
        DateTimeOffset? spent = null; // a due time whose tick changed nothing: wait for a command instead
        for (var turn = 0; turn < TurnsPerGeneration && !state.IsFinished; turn++)
        {
            var due = state.NextDueAt == spent ? null : state.NextDueAt;
            if (!IsDueNow(context, due, offset)) TellClockMoves(context, clockMoves, recent, handled, state);
            var request = first ?? await NextAsync(context, next, timer, due, offset);
            if (request is not null && first is null) next = context.WaitForExternalEvent<CycleRequest>(CommandEvent);
            first = null;
            if (request?.ClockOffset is { } moved && moved > offset) offset = moved;
            if (request is not null && handled.Contains(request.RequestId)) continue;
            if (request is { Command: null, ResendEmailId: null })
            {
                clockMoves.Add(request);
                continue;
            }
            if (request?.ResendEmailId is { } emailId)
            {
                await SendAsync(context, emailId);
                Told(recent, handled, request, state, Decision.NoOp);
                context.SetCustomStatus(Progress(state, recent));
                continue;
            }

            var command = request?.Command ?? new Tick();
            var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero) + offset;
            var decision = decider.Decide(command, state, now);
            spent = request is null && decision.Events.Count == 0 ? due : null;
            if (decision.IsRejected || decision.Events.Count > 0)
            {
                var record = new CycleDecisionRecord(run.CycleId, state.Version, decision.Events,
                    request?.Actor ?? "system", request?.RequestId, decision.Rejection)
                {
                    Idempotency = request?.Idempotency, InputJson = request?.InputJson,
                    CommandName = command.GetType().Name,
                };
                var outboxIds = await context.CallActivityAsync<IReadOnlyList<string>>(CycleActivities.RecordDecision,
                    record);
                state = CycleEvolver.Fold(decision.Events, state);
                // All at once: one episode schedules them, instead of one episode per email in turn.
                await Task.WhenAll(outboxIds.Select(outboxId => SendAsync(context, outboxId)));
            }
            if (request is not null) Told(recent, handled, request, state, decision);
            context.SetCustomStatus(Progress(state, recent));
        }
        TellClockMoves(context, clockMoves, recent, handled, state);
        timer.Cancel();
        if (state.IsFinished) return state.Phase.ToString();
        // Buffered commands go with it into the next generation.
        context.ContinueAsNew(new CycleRun(run.CycleId, state, offset, handled.TakeLast(200).ToList()),
            preserveUnprocessedEvents: true);
        return state.Phase.ToString();
    }

    private static void TellClockMoves(TaskOrchestrationContext context, List<CycleRequest> moves,
        List<RequestOutcome> recent, List<string> handled, CycleState state)
    {
        if (moves.Count == 0) return;
        foreach (var move in moves) Told(recent, handled, move, state, Decision.NoOp);
        moves.Clear();
        context.SetCustomStatus(Progress(state, recent));
    }

    /// <summary>A step already due on the orchestration's clock runs at once, without a timer's round trip.</summary>
    private static bool IsDueNow(TaskOrchestrationContext context, DateTimeOffset? due, TimeSpan offset) =>
        due is { } at && (at - offset).UtcDateTime <= context.CurrentUtcDateTime;

    private static void Told(List<RequestOutcome> recent, List<string> handled, CycleRequest request, CycleState state,
        Decision decision)
    {
        handled.Add(request.RequestId);
        recent.Add(new RequestOutcome(request.RequestId, state.Version,
            decision.Events.Select(e => e.GetType().Name).ToList(), decision.Rejection));
        if (recent.Count > RecentOutcomes) recent.RemoveAt(0);
    }

    /// <summary>
    /// The next request, or null when the next due step comes first. A command that leaves the due time as it was
    /// keeps the timer already set for it: a new one would cost a history event and a queue message each turn.
    /// </summary>
    private static async Task<CycleRequest?> NextAsync(TaskOrchestrationContext context, Task<CycleRequest> next,
        DueTimer timer, DateTimeOffset? due, TimeSpan offset)
    {
        if (due is null)
        {
            timer.Cancel();
            return await next;
        }
        if (IsDueNow(context, due, offset)) return null;
        var fires = timer.At((due.Value - offset).UtcDateTime);
        if (await Task.WhenAny(next, fires) != fires) return await next;
        timer.Fired();
        return null;
    }

    /// <summary>The one durable timer a generation has running at a time, for the cycle's next due step.</summary>
    private sealed class DueTimer(TaskOrchestrationContext context)
    {
        private DateTime? _at;
        private Task? _fires;
        private CancellationTokenSource? _cancel;

        public Task At(DateTime at)
        {
            if (_at == at && _fires is not null) return _fires;
            Cancel();
            _cancel = new CancellationTokenSource();
            (_at, _fires) = (at, context.CreateTimer(at, _cancel.Token));
            return _fires;
        }

        // Cancel, not CancelAsync: its callbacks must run on the orchestrator's own thread, during this episode.
        public void Cancel()
        {
            _cancel?.Cancel();
            Fired();
        }

        public void Fired()
        {
            _cancel?.Dispose();
            (_at, _fires, _cancel) = (null, null, null);
        }
    }

    /// <summary>An email that still fails after its retries stays failed in the outbox, with a retry button.</summary>
    private static async Task SendAsync(TaskOrchestrationContext context, string outboxId)
    {
        try { await context.CallActivityAsync(CycleActivities.SendEmail, outboxId, EmailRetries); }
        catch (TaskFailedException) { }
    }

    private static CycleProgress Progress(CycleState state, IReadOnlyList<RequestOutcome> recent) =>
        new(state.Phase.ToString(), state.Version, state.NextDueAt, recent.ToList());
}

/// <summary>
/// The activities' registered names (their classes' names, in the app), so the orchestrator names them without
/// referring to the app; the worker registers them under exactly these.
/// </summary>
public static class CycleActivities
{
    public const string RecordDecision = "RecordCycleDecisionActivity", SendEmail = "SendCycleEmailActivity";

    /// <summary>How often an email is tried before it is marked failed, with a retry button.</summary>
    public const int EmailAttempts = 4;
}
