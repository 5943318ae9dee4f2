using Microsoft.Extensions.Options;

namespace Maca.Functions.Cycles;

/// <summary>
/// Test-only fault injection: when Faults:CrashAt names a point, the process dies there at once, as a power cut would.
/// Used by the crash tests to prove no timer or email is lost between any two storage calls. Off unless configured.
/// </summary>
public sealed class CrashPoints(IOptions<FaultOptions> options)
{
    public const string AfterWakeUpIndex = "AfterWakeUpIndex", AfterCommit = "AfterCommit",
        AfterTimerCommit = "AfterTimerCommit", AfterEmailSent = "AfterEmailSent", AfterEmailClaimed = "AfterEmailClaimed";

    private int _remaining = options.Value.CrashAfterHits;

    public void Reach(string point)
    {
        if (options.Value.CrashAt != point) return;
        if (Interlocked.Decrement(ref _remaining) > 0) return;
        Environment.FailFast($"Injected crash at {point}");
    }
}

public sealed class FaultOptions
{
    public const string Section = "Faults";
    public string? CrashAt { get; set; }

    /// <summary>Crash on the Nth time the point is reached (1 = the first).</summary>
    public int CrashAfterHits { get; set; } = 1;
}
