using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Maca.Functions.Storage;

namespace Maca.Functions.Engine;

/// <summary>
/// The engine's storage clients, on the app's account, with every call counted: the benchmark reports what the
/// engine costs per command beside what the app itself does.
/// </summary>
public static class EngineStorageClients
{
    public static StorageAccountClientProvider For(StorageOptions storage, StorageTransactionCounter counter)
    {
        var blob = Counted(new BlobClientOptions(), counter);
        var queue = Counted(new QueueClientOptions(), counter);
        var table = Counted(new TableClientOptions(), counter);
        if (storage.UsesConnectionString)
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(storage.ConnectionString!, blob),
                StorageServiceClientProvider.ForQueue(storage.ConnectionString!, queue),
                StorageServiceClientProvider.ForTable(storage.ConnectionString!, table));
        var credential = new Azure.Identity.DefaultAzureCredential();
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(storage.AccountName!, credential, blob),
            StorageServiceClientProvider.ForQueue(storage.AccountName!, credential, queue),
            StorageServiceClientProvider.ForTable(storage.AccountName!, credential, table));
    }

    private static T Counted<T>(T options, StorageTransactionCounter counter) where T : Azure.Core.ClientOptions
    {
        options.AddPolicy(new CountingPolicy(counter), HttpPipelinePosition.PerCall);
        return options;
    }
}
