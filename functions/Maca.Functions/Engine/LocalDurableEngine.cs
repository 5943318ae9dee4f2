using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Maca.Functions.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Engine;

/// <summary>
/// The Durable Task engine as the app runs it outside Azure: the Azure Storage provider (the backend Durable
/// Functions uses) behind the gRPC sidecar, on a loopback port of its own host inside this process, so the SDK's
/// worker and client reach it the way they reach the Functions host's extension in Azure. Its own host, not the
/// app's: the app's server may be a test server with no sockets, and the engine must outlive the app's requests.
/// </summary>
/// <param name="address">Where the sidecar listens; fixed when the app's services are registered.</param>
public sealed partial class LocalDurableEngine(string address, IOptions<DurableEngineOptions> options,
    IOptions<StorageOptions> storage, EngineStorageCounter counter, EngineWorkCounter work, IHostEnvironment environment, ILoggerFactory loggers,
    ILogger<LocalDurableEngine> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan StoreCreationTimeout = TimeSpan.FromSeconds(5);
    private WebApplication? _sidecar;
    private SidecarOrchestrationService? _service;

    public string Address => address;

    public string TaskHubName => storage.Value.NamePrefix + options.Value.TaskHubName;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var provider = new AzureStorageOrchestrationService(Settings());
        try
        {
            // The sidecar does not create the task hub's queues, tables and containers itself.
            await provider.CreateIfNotExistsAsync().WaitAsync(StoreCreationTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStoreNotReady(ex.Message); // health says so; the provider creates what it needs when it starts
        }
        _service = new SidecarOrchestrationService(provider, work,
            loggers.CreateLogger<SidecarOrchestrationService>());
        _sidecar = BuildSidecar(provider, _service);
        await _sidecar.StartAsync(cancellationToken);
        LogStarted(TaskHubName, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is null || _service is null) return;
        // Stopping the sidecar's host stops the provider from a callback nobody waits for: wait a moment for it,
        // then stop the provider ourselves, so its partition leases are released for the next process.
        await _sidecar.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ContinueWith(_ => { });
        if (!_service.WasStarted) return;
        if (await Task.WhenAny(_service.Stopped, Task.Delay(TimeSpan.FromSeconds(1))) != _service.Stopped)
            await _service.StopAsync(isForced: true).WaitAsync(TimeSpan.FromSeconds(3)).ContinueWith(_ => { });
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null) await _sidecar.DisposeAsync();
    }

    private AzureStorageOrchestrationServiceSettings Settings()
    {
        var o = options.Value;
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = TaskHubName,
            StorageAccountClientProvider = EngineStorageClients.For(storage.Value, counter),
            PartitionCount = o.PartitionCount,
            MaxQueuePollingInterval = o.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = o.ControlQueueVisibilityTimeout,
            PartitionTableOperationTimeout = o.PartitionTableOperationTimeout,
            WorkerId = o.WorkerId.Length > 0 ? o.WorkerId : DefaultWorkerId(environment),
            LoggerFactory = loggers,
        };
    }

    private WebApplication BuildSidecar(AzureStorageOrchestrationService provider, SidecarOrchestrationService service)
    {
        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions { ContentRootPath = environment.ContentRootPath });
        builder.Configuration.Sources.Clear(); // the app's URLs and settings are not the sidecar's
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, new Uri(Address).Port,
            listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(provider);
        builder.Services.AddOptions<TaskHubGrpcServerOptions>();
        builder.Services.AddSingleton<SidecarGrpcServer>();
        var sidecar = builder.Build();
        sidecar.MapGrpcService<SidecarGrpcServer>();
        return sidecar;
    }

    /// <summary>
    /// The same after every restart of this checkout on this machine, and different for another checkout.
    /// </summary>
    private static string DefaultWorkerId(IHostEnvironment environment)
    {
        var folder = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(environment.ContentRootPath)))[..8];
        return $"{Environment.MachineName}-{folder}";
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Durable Task engine: task hub {TaskHub}, sidecar at {Address}")]
    private partial void LogStarted(string taskHub, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The task hub's storage is not ready yet ({Reason})")]
    private partial void LogStoreNotReady(string reason);
}
