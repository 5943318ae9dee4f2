using Maca.Orchestrations.Cycles;

namespace Maca.Orchestrations.Workflow;

/// <summary>
/// A request on its way to the cycle's orchestrator, raised as the "Command" event: who sent it (from their sign-in)
/// and an id, so a request raised twice is applied once. It carries a command, or asks for a failed email to be sent
/// again. In Development it may carry the demo clock's offset, alone or with the rest: the orchestrator's "now"
/// moves with it, and nothing else does.
/// </summary>
public sealed record CycleRequest(string RequestId, string Actor, CycleCommand? Command, TimeSpan? ClockOffset = null)
{
    /// <summary>The Idempotency-Key the request came with, kept with its first answer when it is recorded.</summary>
    public IdempotentRequest? Idempotency { get; init; }

    /// <summary>The coordinator's start request as they sent it, kept with the cycle for its status.</summary>
    public string? InputJson { get; init; }

    /// <summary>A failed email the coordinator asked to be sent again.</summary>
    public string? ResendEmailId { get; init; }
}

/// <summary>An Idempotency-Key and the fingerprint of the request it first came with.</summary>
public sealed record IdempotentRequest(string Key, string Fingerprint);

/// <summary>
/// What one orchestration generation starts from: the cycle's state, the clock offset, the recent requests.
/// </summary>
public sealed record CycleRun(string CycleId, CycleState State, TimeSpan ClockOffset,
    IReadOnlyList<string> HandledRequests)
{
    /// <summary>
    /// The request that starts the cycle, given with the orchestration's input rather than raised as an event: an
    /// event sent to an instance whose start the engine has not yet taken is dropped as "no such instance".
    /// </summary>
    public CycleRequest? First { get; init; }

    public static CycleRun New(string cycleId) => new(cycleId, CycleState.Initial, TimeSpan.Zero, []);
}

/// <summary>One decision to be written to the read model and the history: its events, or the refusal.</summary>
public sealed record CycleDecisionRecord(string CycleId, int FromVersion, IReadOnlyList<CycleEvent> Events,
    string Actor, string? RequestId, Rejection? Rejection)
{
    public IdempotentRequest? Idempotency { get; init; }
    public string? InputJson { get; init; }
    /// <summary>The command's name, for a refusal shown on the dashboard.</summary>
    public string? CommandName { get; init; }
}

/// <summary>What became of one request, for whoever is waiting on it.</summary>
public sealed record RequestOutcome(string RequestId, int Version, IReadOnlyList<string> Events, Rejection? Rejection);

/// <summary>The orchestration's custom status: where the cycle is and the outcome of its latest requests.</summary>
public sealed record CycleProgress(string Phase, int Version, DateTimeOffset? NextDueAt,
    IReadOnlyList<RequestOutcome> Recent)
{
    /// <summary>What became of the request, if it is among the latest the orchestrator has decided.</summary>
    public RequestOutcome? OutcomeOf(string requestId) => Recent.FirstOrDefault(r => r.RequestId == requestId);
}
