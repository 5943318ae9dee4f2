using System.Threading.Channels;
using Maca.Functions.Cycles;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Outbox;

/// <summary>
/// "The request goes out at once": after a commit that queued email, send it now in the background instead of
/// waiting for the next sweep. If this process dies first, the wake-up row written before the commit still
/// makes the sweep send it.
/// </summary>
public sealed partial class OutboxKick(OutboxDispatcher dispatcher, CycleStore store, SnapshotCache snapshots,
    IOptions<Sweeping.SweepOptions> options, ILogger<OutboxKick> logger)
    : BackgroundService
{
    private readonly Channel<string> _cycles = Channel.CreateUnbounded<string>();

    public void AfterCommit(string cycleId, CommandResult result)
    {
        if (options.Value.SendImmediately && !result.State.Suspended && result.EventTypes.Contains(nameof(Maca.Orchestrations.Cycles.NotificationQueued)))
            _cycles.Writer.TryWrite(cycleId);
    }

    /// <summary>Send the cycle's due email now, in the background (after a coordinator's retry, say).</summary>
    public void Send(string cycleId)
    {
        if (options.Value.SendImmediately) _cycles.Writer.TryWrite(cycleId);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var cycleId in _cycles.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                // The cycle may have been suspended since the commit that queued this; then it waits for resume.
                // This instance's last commit usually answers that without a read.
                var cycle = snapshots.Get(cycleId) ?? await store.LoadAsync(cycleId, stoppingToken);
                if (!cycle.State.Suspended) await dispatcher.DispatchAsync(cycleId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogFailed(cycleId, ex); }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Immediate send for cycle {CycleId} failed; the sweep will retry")]
    private partial void LogFailed(string cycleId, Exception ex);
}
