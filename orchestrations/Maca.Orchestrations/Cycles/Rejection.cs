namespace Maca.Orchestrations.Cycles;

public enum RejectionKind
{
    /// <summary>The command's own data is wrong: a field is missing or malformed (HTTP 400).</summary>
    InvalidInput,
    /// <summary>The command is not allowed in the cycle's current phase (HTTP 409).</summary>
    WrongPhase,
    /// <summary>Well formed, but a rule of the audit forbids it (HTTP 422).</summary>
    RuleBroken,
    /// <summary>It names an agency, case, slot or action the cycle does not have (HTTP 404).</summary>
    NotFound,
}

/// <summary>Why a command was refused, in words a coordinator understands.</summary>
public sealed record Rejection(RejectionKind Kind, string Message, string? Field = null)
{
    public static Rejection Invalid(string field, string message) => new(RejectionKind.InvalidInput, message, field);
    public static Rejection Phase(CyclePhase phase, string action) =>
        new(RejectionKind.WrongPhase, $"You cannot {action} while the cycle is in the {phase} phase.");
    public static Rejection Rule(string message) => new(RejectionKind.RuleBroken, message);
    public static Rejection Missing(string what) => new(RejectionKind.NotFound, $"{what} is not part of this cycle.");
    /// <summary>Not found, said exactly: "Case SH-1 is in the cycle but not in POL's scope."</summary>
    public static Rejection NotThere(string message) => new(RejectionKind.NotFound, message);
}

/// <summary>The outcome of Decide: the events to append, or why not. No events and no rejection is a no-op.</summary>
public sealed record Decision(IReadOnlyList<CycleEvent> Events, Rejection? Rejection)
{
    public bool IsRejected => Rejection is not null;
    public static Decision Accept(params CycleEvent[] events) => new(events, null);
    public static Decision Accept(IEnumerable<CycleEvent> events) => new(events.ToList(), null);
    public static readonly Decision NoOp = new([], null);
    public static implicit operator Decision(Rejection rejection) => new([], rejection);
}
