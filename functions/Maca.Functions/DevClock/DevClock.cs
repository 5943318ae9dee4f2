namespace Maca.Functions.DevClock;

/// <summary>
/// A clock that can be moved forward, for demos and tests in Development only: the real time plus an offset.
/// Registered as the app's TimeProvider there, so timers, deadlines and emails all follow it.
/// </summary>
public sealed class ShiftableClock(TimeProvider real) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>How far the app's clock runs ahead of real time: always zero outside Development.</summary>
    public static TimeSpan? OffsetOf(TimeProvider clock) => (clock as ShiftableClock)?.Offset;

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }

    /// <summary>Moves to an exact instant, which must not be in this clock's past.</summary>
    public DateTimeOffset AdvanceTo(DateTimeOffset instant) =>
        Advance(instant - GetUtcNow() is { } gap && gap > TimeSpan.Zero ? gap : TimeSpan.Zero);
}
