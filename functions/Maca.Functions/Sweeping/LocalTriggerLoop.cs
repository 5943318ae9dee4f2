using Microsoft.Extensions.Options;

namespace Maca.Functions.Sweeping;

/// <summary>Bound from "Sweep". Locally the app runs its own timer trigger every few seconds.</summary>
public sealed class SweepOptions
{
    public const string Section = "Sweep";
    /// <summary>Off unless asked for (Development): under the Functions host its timer calls the sweep.</summary>
    public bool RunLocalLoop { get; set; }
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Send queued email right after the commit rather than at the next sweep.</summary>
    public bool SendImmediately { get; set; } = true;

    /// <summary>How long a claimed email is reserved for its sender before another instance may take it over.</summary>
    public TimeSpan EmailLease { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Plays the Functions host's timer locally: invokes the same sweep handler on a schedule.</summary>
public sealed partial class LocalTriggerLoop(IServiceProvider services, IOptions<SweepOptions> options, ILogger<LocalTriggerLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunLocalLoop) return;
        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await services.GetRequiredService<DueWorkSweeper>().SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The local sweep failed; it will run again at the next interval")]
    private partial void LogSweepFailed(Exception ex);
}
