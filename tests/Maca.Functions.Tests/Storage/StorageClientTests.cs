using System.Net;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Maca.Functions.Cycles;
using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Storage;

/// <summary>The clients as the app registers them: retries from StorageOptions, one count per call, Base64 queue messages.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageClientTests(AzuriteFixture azurite)
{
    private Dictionary<string, string?> ThroughProxy(FlakyProxy proxy, int maxRetries = 3) => new()
    {
        ["Storage:ConnectionString"] = AzuriteProcess.ConnectionStringFor(azurite.BlobPort, azurite.QueuePort, proxy.Port),
        ["Storage:MaxRetries"] = maxRetries.ToString(),
        ["Storage:RetryDelay"] = "00:00:00.020",
    };

    [Fact]
    public async Task AWriteSucceedsAfterTheServiceAnswers503TwiceAndCountsAsOneCall()
    {
        var table = await azurite.NewTableAsync();
        await using var flaky = await FlakyProxy.StartAsync(new Uri($"http://127.0.0.1:{azurite.TablePort}"), failures: 2);
        using var services = azurite.NewStorageServices(ThroughProxy(flaky));
        var counter = services.GetRequiredService<StorageTransactionCounter>();
        var flakyTable = services.GetRequiredService<TableServiceClient>().GetTableClient(table.Name);

        await flakyTable.UpsertCheckedAsync(new TableEntity("p", "r") { ["Note"] = "kept" }, default);

        Assert.Equal(3, flaky.Requests);
        Assert.Equal(1, counter.Count);
        Assert.Equal("kept", (await table.GetOrNullAsync("p", "r", default))!.GetString("Note"));
    }

    [Fact]
    public async Task RetriesStopAtTheConfiguredLimitAndTheErrorSaysServerBusy()
    {
        await using var flaky = await FlakyProxy.StartAsync(new Uri($"http://127.0.0.1:{azurite.TablePort}"), failures: 100);
        using var services = azurite.NewStorageServices(ThroughProxy(flaky, maxRetries: 3));
        var table = services.GetRequiredService<StorageAccount>().Table("never");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetOrNullAsync("p", "r", default));

        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
        Assert.Equal(1 + 3, flaky.Requests);
    }

    [Fact]
    public async Task AWrongAccountKeyIsRefusedSoSigningIsReallyChecked()
    {
        var wrongKey = azurite.ConnectionString.Replace(AzuriteProcess.DevelopmentAccountKey, Convert.ToBase64String(new byte[64]));
        using var services = azurite.NewStorageServices(new Dictionary<string, string?> { ["Storage:ConnectionString"] = wrongKey });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            services.GetRequiredService<StorageAccount>().PingAsync(StorageService.Table));
        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task QueueMessagesGoOutInBase64AsTheFunctionsHostReadsThem()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendMessageAsync("{\"cycle\":\"c-1\"} – ünïcode");

        var raw = new QueueClient(azurite.ConnectionString, queue.Name); // no decoding: what is really stored
        var stored = (await raw.ReceiveMessageAsync()).Value;

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"cycle\":\"c-1\"} – ünïcode")), stored.MessageText);
    }

    [Fact]
    public async Task TheDocumentsContainerIsPrivateToAnonymousReaders()
    {
        var container = await azurite.NewContainerAsync(CyclePurger.DocumentsContainer);
        await container.UploadBlobAsync("c-1/chronology.txt", BinaryData.FromString("chronology"));

        using var anonymous = new HttpClient();
        var response = await anonymous.GetAsync(container.GetBlobClient("c-1/chronology.txt").Uri);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
