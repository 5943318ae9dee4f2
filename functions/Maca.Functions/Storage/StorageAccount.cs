using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Maca.Functions.Storage;

public enum StorageService { Table, Blob, Queue }

/// <summary>
/// The storage account's three official service clients, handing out tables, containers and queues under the
/// configured name prefix (so tests and deployments can share one account).
/// </summary>
public sealed class StorageAccount(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, string namePrefix)
{
    public TableClient Table(string name) => tables.GetTableClient(namePrefix + name);
    public BlobContainerClient Container(string name) => blobs.GetBlobContainerClient((namePrefix + name).ToLowerInvariant());
    public QueueClient Queue(string name) => queues.GetQueueClient((namePrefix + name).ToLowerInvariant());

    /// <summary>One cheap authenticated call to a service; throws if it is unreachable or refuses us.</summary>
    public async Task PingAsync(StorageService service, CancellationToken ct = default)
    {
        switch (service)
        {
            case StorageService.Table:
                await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1)) return;
                break;
            case StorageService.Blob:
                await foreach (var _ in blobs.GetBlobContainersAsync(cancellationToken: ct).AsPages(pageSizeHint: 1)) return;
                break;
            default:
                await foreach (var _ in queues.GetQueuesAsync(cancellationToken: ct).AsPages(pageSizeHint: 1)) return;
                break;
        }
    }
}
