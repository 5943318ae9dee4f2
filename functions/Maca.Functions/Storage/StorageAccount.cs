using Azure.Core;
using Maca.Functions.Storage.Blobs;
using Maca.Functions.Storage.Queues;
using Maca.Functions.Storage.Tables;

namespace Maca.Functions.Storage;

/// <summary>The entry point to one storage account: hands out tables, containers and queues by name.</summary>
public sealed class StorageAccount(StoragePipeline pipeline, string namePrefix = "")
{
    public StoragePipeline Pipeline { get; } = pipeline;

    public ITableStore Table(string name) => new TableStore(Pipeline, namePrefix + name);
    public IBlobStore Container(string name) => new BlobStore(Pipeline, (namePrefix + name).ToLowerInvariant());
    public IQueueStore Queue(string name) => new QueueStore(Pipeline, (namePrefix + name).ToLowerInvariant());

    /// <summary>One cheap authenticated call to a service; throws if it is unreachable or refuses us.</summary>
    public async Task PingAsync(StorageService service, CancellationToken ct = default)
    {
        var connection = Pipeline.Connection;
        var uri = service switch
        {
            StorageService.Table => $"{connection.TableEndpoint}/Tables?$top=1",
            StorageService.Blob => $"{connection.BlobEndpoint}/?comp=list&maxresults=1",
            _ => $"{connection.QueueEndpoint}/?comp=list&maxresults=1",
        };
        using var message = Pipeline.CreateMessage(service, RequestMethod.Get, new Uri(uri));
        if (service == StorageService.Table) message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        await Pipeline.SendAsync(service, message, ct);
    }
}
