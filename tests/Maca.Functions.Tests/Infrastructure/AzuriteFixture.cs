using Maca.Functions.Storage;
using Maca.Functions.Storage.Blobs;
using Maca.Functions.Storage.Queues;
using Maca.Functions.Storage.Tables;
using Maca.Testing;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>One real Azurite per test collection; every test takes its own name prefix from it.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    private AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");
    public int TablePort => Azurite.TablePort;
    public StorageConnection Connection => Azurite.Connection;
    public string ConnectionString => Connection.ToConnectionString();

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    /// <summary>An account whose tables, containers and queues carry a fresh prefix, so tests never share data.</summary>
    public StorageAccount NewAccount(StorageOptions? options = null, StorageTransactionCounter? counter = null)
    {
        options ??= new StorageOptions { RetryDelay = TimeSpan.FromMilliseconds(50) };
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        return new StorageAccount(
            new StoragePipeline(Connection, options, TimeProvider.System, counter ?? new StorageTransactionCounter()), prefix);
    }

    public async Task<ITableStore> NewTableAsync(string name = "records")
    {
        var table = NewAccount().Table(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public async Task<IBlobStore> NewContainerAsync(string name = "documents")
    {
        var container = NewAccount().Container(name);
        await container.CreateIfNotExistsAsync();
        return container;
    }

    public async Task<IQueueStore> NewQueueAsync(string name = "work")
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
