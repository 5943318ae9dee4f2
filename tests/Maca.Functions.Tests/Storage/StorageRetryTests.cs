using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;

namespace Maca.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageRetryTests(AzuriteFixture azurite)
{
    private static readonly StorageOptions FastRetries = new() { MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(20) };

    private static StoragePipeline ThroughProxy(AzuriteFixture azurite, FlakyProxy proxy)
    {
        var direct = azurite.Connection;
        var viaProxy = direct with { TableEndpoint = new Uri($"http://127.0.0.1:{proxy.Port}/{direct.AccountName}") };
        return new StoragePipeline(viaProxy, FastRetries, TimeProvider.System, new StorageTransactionCounter());
    }

    [Fact]
    public async Task AnInsertSucceedsAfterTheServiceAnswers503Twice()
    {
        var table = azurite.NewAccount().Table("retry");
        await table.CreateIfNotExistsAsync();

        await using var flaky = await FlakyProxy.StartAsync(new Uri($"http://127.0.0.1:{azurite.TablePort}"), failures: 2);
        var flakyTable = new TableStore(ThroughProxy(azurite, flaky), table.Name);
        await flakyTable.InsertAsync(new TableEntity("p", "r") { ["Note"] = "kept" });

        Assert.Equal(3, flaky.Requests);
        Assert.Equal("kept", (await table.GetAsync("p", "r"))!["Note"]);
    }

    [Fact]
    public async Task RetriesStopAtTheLimitAndTheErrorSaysServerBusy()
    {
        await using var proxy = await FlakyProxy.StartAsync(new Uri($"http://127.0.0.1:{azurite.TablePort}"), failures: 100);
        var table = new TableStore(ThroughProxy(azurite, proxy), "never");

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.GetAsync("p", "r"));

        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
        Assert.Equal(1 + FastRetries.MaxRetries, proxy.Requests);
    }

    [Fact]
    public async Task AWrongAccountKeyIsRejectedSoSigningIsReallyChecked()
    {
        var wrongKey = azurite.Connection with { AccountKey = new byte[64] };
        var account = new StorageAccount(new StoragePipeline(wrongKey, FastRetries, TimeProvider.System, new StorageTransactionCounter()));

        var error = await Assert.ThrowsAsync<StorageRequestFailedException>(() => account.PingAsync(StorageService.Table));
        Assert.Equal(403, error.Status);
    }
}
