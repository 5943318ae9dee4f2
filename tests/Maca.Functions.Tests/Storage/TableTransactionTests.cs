using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;

namespace Maca.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private static TableEntity Entity(string rk, string note = "x") => new("p", rk) { ["Note"] = note };

    [Fact]
    public async Task OneBadOperationRollsBackTheWholeBatchAndNamesIt()
    {
        var table = await azurite.NewTableAsync();
        await table.InsertAsync(Entity("b", "already here"));

        var error = await Assert.ThrowsAsync<StorageConflictException>(() => table.SubmitTransactionAsync(
            [TableOperation.Insert(Entity("a")), TableOperation.Insert(Entity("b")), TableOperation.Insert(Entity("c"))]));

        Assert.Equal(1, error.FailedOperationIndex);
        Assert.Contains("operation 1 (Insert p/b)", error.Message);
        Assert.Null(await table.GetAsync("p", "a"));
        Assert.Null(await table.GetAsync("p", "c"));
        Assert.Equal("already here", (await table.GetAsync("p", "b"))!["Note"]);
    }

    [Fact]
    public async Task AStaleETagInsideABatchFailsAsPreconditionAndWritesNothing()
    {
        var table = await azurite.NewTableAsync();
        var stale = await table.InsertAsync(Entity("snapshot", "v1"));
        await table.UpsertAsync(Entity("snapshot", "v2"));

        var error = await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => table.SubmitTransactionAsync(
            [TableOperation.Insert(Entity("event-1")), TableOperation.Update(Entity("snapshot", "v3"), stale)]));

        Assert.Equal(1, error.FailedOperationIndex);
        Assert.Null(await table.GetAsync("p", "event-1"));
        Assert.Equal("v2", (await table.GetAsync("p", "snapshot"))!["Note"]);
    }

    [Fact]
    public async Task EveryOperationKindCommitsTogether()
    {
        var table = await azurite.NewTableAsync();
        var updateTag = await table.InsertAsync(Entity("update"));
        await table.InsertAsync(new TableEntity("p", "merge") { ["A"] = "a" });
        await table.InsertAsync(Entity("delete"));

        var etags = await table.SubmitTransactionAsync(
        [
            TableOperation.Insert(Entity("insert")),
            TableOperation.Upsert(Entity("upsert")),
            TableOperation.Update(Entity("update", "updated"), updateTag),
            TableOperation.Upsert(new TableEntity("p", "merge") { ["B"] = "b" }, TableUpdateMode.Merge),
            TableOperation.Delete("p", "delete"),
        ]);

        Assert.Equal(5, etags.Count);
        Assert.NotNull(await table.GetAsync("p", "insert"));
        Assert.NotNull(await table.GetAsync("p", "upsert"));
        Assert.Equal("updated", (await table.GetAsync("p", "update"))!["Note"]);
        Assert.Equal("a", (await table.GetAsync("p", "merge"))!["A"]);
        Assert.Null(await table.GetAsync("p", "delete"));
    }

    [Fact]
    public async Task AHundredOperationsFitAndAHundredAndOneAreRefusedBeforeSending()
    {
        var table = await azurite.NewTableAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => TableOperation.Insert(Entity($"r{i:D3}"))).ToList());
        Assert.Equal(100, await table.QueryAsync(new TableQuery(TableFilter.PartitionEquals("p"))).CountAsync());

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => TableOperation.Insert(Entity($"x{i:D3}"))).ToList()));
    }

    [Fact]
    public async Task OperationsAcrossPartitionsOrRepeatedRowsAreRefused()
    {
        var table = await azurite.NewTableAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [TableOperation.Insert(Entity("a")), TableOperation.Insert(new TableEntity("other", "b"))]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [TableOperation.Insert(Entity("a")), TableOperation.Upsert(Entity("a"))]));
    }
}
