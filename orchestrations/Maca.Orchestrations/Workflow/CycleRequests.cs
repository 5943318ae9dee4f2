using Maca.Orchestrations.Cycles;

namespace Maca.Orchestrations.Workflow;

/// <summary>
/// A command on its way to the cycle's orchestrator, raised as the "Command" event: who sent it (from their
/// sign-in) and an id, so a request raised twice is applied once. In Development it may carry the demo clock's
/// offset instead of, or as well as, a command: the orchestrator's "now" moves with it, and nothing else does.
/// </summary>
public sealed record CycleRequest(string RequestId, string Actor, CycleCommand? Command, TimeSpan? ClockOffset = null);

/// <summary>
/// What one orchestration generation starts from: the cycle's state, the clock offset, the recent requests.
/// </summary>
public sealed record CycleRun(string CycleId, CycleState State, TimeSpan ClockOffset,
    IReadOnlyList<string> HandledRequests)
{
    public static CycleRun New(string cycleId) => new(cycleId, CycleState.Initial, TimeSpan.Zero, []);
}

/// <summary>One decision to be written to the read model and the history: its events, or the refusal.</summary>
public sealed record CycleDecisionRecord(string CycleId, int FromVersion, IReadOnlyList<CycleEvent> Events,
    string Actor, string? RequestId, Rejection? Rejection);

/// <summary>What became of one request, for whoever is waiting on it.</summary>
public sealed record RequestOutcome(string RequestId, int Version, IReadOnlyList<string> Events, Rejection? Rejection);

/// <summary>The orchestration's custom status: where the cycle is and the outcome of its latest requests.</summary>
public sealed record CycleProgress(string Phase, int Version, DateTimeOffset? NextDueAt,
    IReadOnlyList<RequestOutcome> Recent);
