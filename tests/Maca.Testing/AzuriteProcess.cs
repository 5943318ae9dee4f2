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
    /// <summary>The emulator's well-known development account key (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>A development-account connection string for these ports (which need not be Azurite's own).</summary>
    public static string ConnectionStringFor(int blob, int queue, int table) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1";

    public static async Task<AzuriteProcess> StartAsync()
    {
        int blob = FreePort.Next(), queue = FreePort.Next(), table = FreePort.Next();
        var process = new ChildProcess(RepoPaths.NodeBin("azurite"),
        [
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry", // never call home
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
