using Maca.Functions.Cycles;
using Maca.Functions.Outbox;
using Maca.Functions.Retention;
using Maca.Orchestrations.Cycles;

namespace Maca.Functions.Sweeping;

public sealed record SweepResult(int CyclesWoken, int TimerCommits, int WakeUpsCleared, int CyclesPurgedUnderRetention = 0);

/// <summary>
/// Wakes every cycle whose wake-up time has come: fires its due timers, sends its queued email, records its
/// next wake-up time, and only then removes the rows it handled. Once a day it also runs the retention job.
/// Safe to run on several instances at once.
/// </summary>
public sealed partial class DueWorkSweeper(WakeUpIndex wakeUps, CycleEngine engine, OutboxDispatcher outbox, RetentionJob retention,
    TimeProvider clock, ILogger<DueWorkSweeper> logger)
{
    private const int MaxCyclesPerSweep = 500, MaxTicksPerCycle = 50, Parallelism = 8;

    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        using var span = Hosting.Telemetry.Source.StartActivity("sweep");
        Hosting.Telemetry.Sweeps.Add(1);
        var due = await wakeUps.DueAsync(clock.GetUtcNow(), MaxCyclesPerSweep, ct);
        int timerCommits = 0, cleared = 0;
        await Parallel.ForEachAsync(due.GroupBy(r => r.CycleId), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (rows, token) =>
            {
                try
                {
                    var (commits, removed) = await WakeAsync(rows.Key, rows.ToList(), token);
                    Interlocked.Add(ref timerCommits, commits);
                    Interlocked.Add(ref cleared, removed);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One cycle's trouble never stops the others; its wake-up rows stay, so the next sweep tries again.
                    LogCycleFailed(rows.Key, ex);
                }
            });
        var result = new SweepResult(due.Select(r => r.CycleId).Distinct().Count(), timerCommits, cleared, await RetainAsync(ct));
        if (result.CyclesWoken > 0) LogSwept(result.CyclesWoken, result.TimerCommits);
        return result;
    }

    private async Task<(int Commits, int Removed)> WakeAsync(string cycleId, IReadOnlyList<WakeUpIndex.WakeUp> rows, CancellationToken ct)
    {
        var commits = 0;
        CommandResult tick;
        // The last tick's state is the committed one it found nothing more due in (or refused to tick: suspended, finished).
        do tick = await engine.ExecuteAsync(cycleId, new Tick(), ct: ct);
        while (tick.Accepted && tick.EventTypes.Count > 0 && ++commits < MaxTicksPerCycle);
        // Everything committed up to this version is now handled: its timers fired, its email below is sent.
        var handled = tick.State;
        DateTimeOffset? nextEmail = handled.Suspended ? null : await outbox.DispatchAsync(cycleId, ct);
        var next = Earliest(handled.NextDueAt, nextEmail);
        if (next is { } wakeAt) await wakeUps.EnsureAsync(cycleId, wakeAt, handled.Version - 1, ct);

        var removed = 0;
        foreach (var row in rows.Where(r => r.CoveredBy(handled.Version, clock.GetUtcNow())))
        {
            await wakeUps.RemoveAsync(row, ct);
            removed++;
        }
        return (commits, removed);
    }

    private async Task<int> RetainAsync(CancellationToken ct)
    {
        try
        {
            return await retention.RunIfDueAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRetentionFailed(ex); // due work is never held up by it; the next sweep tries again
            return 0;
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping cycle {CycleId} failed; the next sweep tries again")]
    private partial void LogCycleFailed(string cycleId, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention job failed; the next sweep tries again")]
    private partial void LogRetentionFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep woke {Cycles} cycles and committed {Commits} timer steps")]
    private partial void LogSwept(int cycles, int commits);
}
