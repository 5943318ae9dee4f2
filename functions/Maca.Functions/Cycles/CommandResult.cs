using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Cycles;

/// <summary>
/// What a command did: recorded (or a no-op, or a replay of an earlier identical request), refused, or still being
/// processed by the cycle's orchestrator.
/// </summary>
public sealed record CommandResult(CycleState State, IReadOnlyList<string> EventTypes, Rejection? Rejection = null, bool Replayed = false)
{
    public bool Accepted => Rejection is null;

    /// <summary>The version and phase the command left the cycle in; for a replay, those of the first request.</summary>
    public int Version { get; init; } = State.Version;
    public string Phase { get; init; } = State.Phase.ToString();

    /// <summary>
    /// Accepted for processing, but the orchestrator's outcome was not known in time: <see cref="State"/> is the
    /// state before it. Pages say "being processed" and look again; the API answers 202 with the status URL.
    /// </summary>
    public bool Pending { get; init; }

    /// <summary>The id the command was raised to the orchestrator with; none when it was answered here.</summary>
    public string? RequestId { get; init; }

    public static CommandResult Refused(CycleState state, Rejection rejection) => new(state, [], rejection);

    public static CommandResult InProgress(CycleState before, string requestId) =>
        new(before, []) { Pending = true, RequestId = requestId };
}

/// <summary>The first answer to an idempotent request, kept with the commit and replayed for every repeat.</summary>
public sealed record FirstAnswer(IReadOnlyList<string> Events, int Version, string Phase);

/// <summary>Who caused an event, as the history shows it: "coordinator", "agency:POL", "system" or "retention".</summary>
public static class Actors
{
    public const string Coordinator = "coordinator", System = "system", Retention = "retention";

    public static string Of(CycleCommand command) => command switch
    {
        Tick => System,
        IAgencyCommand agency => $"agency:{agency.AgencyCode}",
        _ => Coordinator,
    };
}
