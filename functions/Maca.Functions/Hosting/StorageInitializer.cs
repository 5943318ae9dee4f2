using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Functions.Seeds;
using Maca.Functions.Storage;

namespace Maca.Functions.Hosting;

/// <summary>
/// Creates the tables and the private documents container, then loads the demo seeds where configured.
/// Registered after the engine, which the demo seeds drive as any coordinator would.
/// If storage is down the app still starts (so /api/health can say so) and tries again in the background.
/// </summary>
public sealed partial class StorageInitializer(CycleStore cycles, DirectoryStore directory, PartnershipAuditLog auditLog,
    StorageAccount storage,
    SeedLoader seeds, ILogger<StorageInitializer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _firstAttempt = new();

    public override async Task StartAsync(CancellationToken ct)
    {
        await base.StartAsync(ct);
        await _firstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(20), ct).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var delay = TimeSpan.FromSeconds(2); !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2)))
        {
            try
            {
                await Task.WhenAll(cycles.InitializeAsync(stoppingToken),
                    directory.InitializeAsync(stoppingToken), auditLog.InitializeAsync(stoppingToken),
                    storage.Container(CyclePurger.DocumentsContainer).CreateIfNotExistsAsync(cancellationToken: stoppingToken));
                await seeds.LoadAsync(stoppingToken);
                _firstAttempt.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotReady(ex.Message, delay.TotalSeconds);
                _firstAttempt.TrySetResult();
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is not ready ({Reason}); trying again in {Seconds} s")]
    private partial void LogNotReady(string reason, double seconds);
}
