using Maca.Functions.Storage;

namespace Maca.Testing;

/// <summary>A real Azurite on free loopback ports, in memory unless a folder is given; killed on dispose.</summary>
public sealed class AzuriteProcess : IDisposable
{
    private readonly ChildProcess _process;

    private AzuriteProcess(ChildProcess process, int blob, int queue, int table)
    {
        _process = process;
        BlobPort = blob; QueuePort = queue; TablePort = table;
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public StorageConnection Connection => StorageConnection.Emulator(BlobPort, QueuePort, TablePort);

    public static async Task<AzuriteProcess> StartAsync()
    {
        int blob = FreePort.Next(), queue = FreePort.Next(), table = FreePort.Next();
        var process = new ChildProcess(RepoPaths.NodeBin("azurite"),
        [
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(),
        ]);
        foreach (var port in new[] { blob, queue, table })
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => process.Output);
        return new AzuriteProcess(process, blob, queue, table);
    }

    public void Dispose() => _process.Dispose();
}
