using Maca.Functions.Cycles;
using Maca.Functions.Workflow;
using Maca.Orchestrations.Workflow;
using Microsoft.DurableTask.Client;

namespace Maca.Functions.DevClock;

/// <summary>
/// Development only: Durable timers run on real time, so when the demo clock moves, every running cycle is told the
/// new offset. Its orchestrator then runs whatever became due (chasers, escalations, the meeting's reminders) and
/// answers; this waits for every answer, so whoever moved the clock sees what it made happen.
/// </summary>
public sealed partial class ClockBroadcast(CycleStore store, DurableTaskClient client, OutcomeWait outcomes,
    ILogger<ClockBroadcast> logger)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task<int> TellAsync(TimeSpan offset, CancellationToken ct)
    {
        var running = await RunningAsync(ct);
        await Parallel.ForEachAsync(running, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (cycle, token) =>
            {
                var request = new CycleRequest(Guid.NewGuid().ToString("N"), Actors.System, null, offset);
                using var watch = outcomes.Watch(request.RequestId);
                await client.RaiseEventAsync(cycle.CycleId, AuditCycleOrchestrator.CommandEvent, request, token);
                // A suspended cycle keeps the offset until it is resumed; nothing of it is due meanwhile.
                if (cycle.State.Suspended) return;
                if (await watch.OutcomeAsync(cycle.CycleId, Patience, token) is null) LogNoAnswer(cycle.CycleId);
            });
        return running.Count;
    }

    private async Task<List<CycleRecord>> RunningAsync(CancellationToken ct) =>
        await store.ListAllAsync(["(RuntimeStatus ne 'Completed' and RuntimeStatus ne 'Terminated')"], 500, ct)
            .ToListAsync(ct);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Cycle {CycleId} did not answer the moved clock within a minute")]
    private partial void LogNoAnswer(string cycleId);
}
