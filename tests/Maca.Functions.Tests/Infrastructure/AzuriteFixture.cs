using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Maca.Functions.Storage;
using Maca.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>One real Azurite per test collection; every test takes its own name prefix from it.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    private AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");
    public int TablePort => Azurite.TablePort;
    public int BlobPort => Azurite.BlobPort;
    public int QueuePort => Azurite.QueuePort;
    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    /// <summary>
    /// The app's own storage registration, on settings a test chooses, with a fresh name prefix so tests never
    /// share data. Extra settings (a proxy's connection string, retry counts) override the defaults.
    /// </summary>
    public ServiceProvider NewStorageServices(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = ConnectionString,
            ["Storage:NamePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
            ["Storage:RetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddStorage();
        return services.BuildServiceProvider();
    }

    public StorageAccount NewAccount(IDictionary<string, string?>? settings = null) =>
        NewStorageServices(settings).GetRequiredService<StorageAccount>();

    public async Task<TableClient> NewTableAsync(string name = "records")
    {
        var table = NewAccount().Table(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public async Task<BlobContainerClient> NewContainerAsync(string name = "documents")
    {
        var container = NewAccount().Container(name);
        await container.CreateIfNotExistsAsync();
        return container;
    }

    public async Task<QueueClient> NewQueueAsync(string name = "work")
    {
        var queue = NewAccount().Queue(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    public Task DisposeAsync()
    {
        _azurite?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
