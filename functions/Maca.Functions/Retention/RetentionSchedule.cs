namespace Maca.Functions.Retention;

/// <summary>
/// Plays the Azure entry's retention timer locally, when Retention:RunLocally is on: the same job, every hour (the
/// job itself removes files at most once a day).
/// </summary>
public sealed partial class RetentionSchedule(RetentionJob retention, IConfiguration configuration,
    ILogger<RetentionSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("Retention:RunLocally")) return;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await retention.RunIfDueAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogFailed(ex); }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention job failed; it runs again within the hour")]
    private partial void LogFailed(Exception ex);
}
