using Maca.Functions.Storage;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>A real Azurite, in memory, on free ports; one per test collection, stopped afterwards.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private ChildProcess? _process;

    public int BlobPort { get; } = FreePort.Next();
    public int QueuePort { get; } = FreePort.Next();
    public int TablePort { get; } = FreePort.Next();

    public StorageConnection Connection => StorageConnection.Emulator(BlobPort, QueuePort, TablePort);
    public string ConnectionString => Connection.ToConnectionString();

    public async Task InitializeAsync()
    {
        _process = new ChildProcess(RepoPaths.NodeBin("azurite"),
        [
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
        ]);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => _process.Output);
    }

    /// <summary>An account whose tables, containers and queues carry a fresh prefix, so tests never share data.</summary>
    public StorageAccount NewAccount(StorageOptions? options = null, StorageTransactionCounter? counter = null)
    {
        options ??= new StorageOptions { RetryDelay = TimeSpan.FromMilliseconds(50) };
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        return new StorageAccount(
            new StoragePipeline(Connection, options, TimeProvider.System, counter ?? new StorageTransactionCounter()), prefix);
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
