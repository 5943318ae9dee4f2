using Azure;
using Azure.Data.Tables;
using Maca.Functions.Storage.Tables;
using Maca.Functions.Tests.Infrastructure;

namespace Maca.Functions.Tests.Storage;

/// <summary>The Table rules the SDK does not check and Azurite does not enforce, which the app relies on.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRulesTests(AzuriteFixture azurite)
{
    private static TableEntity Entity(string pk, string rk, string note = "x") => new(pk, rk) { ["Note"] = note };

    private static async Task<bool> ExistsAsync(TableClient table, string pk, string rk) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(pk, rk)).HasValue;

    [Fact]
    public async Task AStringOver64KiBIsRefusedBeforeItIsSentNeverTruncated()
    {
        var table = await azurite.NewTableAsync();
        var entity = new TableEntity("p", "r") { ["Body"] = new string('a', TableRules.MaxStringChars + 1) };

        var error = await Assert.ThrowsAsync<EntityTooLargeException>(() => table.UpsertCheckedAsync(entity, default));
        Assert.Contains("'Body'", error.Message);
        Assert.False(await ExistsAsync(table, "p", "r"));
    }

    [Fact]
    public async Task AStringOfExactly64KiBIsStored()
    {
        var table = await azurite.NewTableAsync();
        var value = new string('b', TableRules.MaxStringChars);
        await table.UpsertCheckedAsync(new TableEntity("p", "r") { ["Body"] = value }, default);
        Assert.Equal(value, (await table.GetOrNullAsync("p", "r", default))!.GetString("Body"));
    }

    [Fact]
    public async Task ALongStringSplitOverPropertiesRoundTripsWhole()
    {
        var table = await azurite.NewTableAsync();
        // Emoji are surrogate pairs: a split must never cut one in half.
        var value = string.Concat(Enumerable.Range(0, 50_000).Select(i => i % 7 == 0 ? "😀" : "chronology "));
        var entity = new TableEntity("p", "r");
        LargeProperty.Write(entity, "Body", value);

        await table.UpsertCheckedAsync(entity, default);
        var read = await table.GetOrNullAsync("p", "r", default);

        Assert.True(read!.GetInt32("Body_Count") > 1);
        Assert.Equal(value, LargeProperty.Read(read, "Body"));
    }

    [Fact]
    public async Task AnEntityOver1MiBIsRefusedThoughAzuriteWouldStoreIt()
    {
        var table = await azurite.NewTableAsync();
        var entity = new TableEntity("p", "r");
        LargeProperty.Write(entity, "Body", new string('c', 600_000)); // 1.2 MB as UTF-16

        await table.UpsertEntityAsync(entity); // Azurite takes it; Azure would answer 413, so we must check ourselves
        Assert.True(await ExistsAsync(table, "p", "r"));

        entity.RowKey = "checked";
        var error = await Assert.ThrowsAsync<EntityTooLargeException>(() => table.UpsertCheckedAsync(entity, default));
        Assert.Contains("blob", error.Message);
        await Assert.ThrowsAsync<EntityTooLargeException>(() =>
            table.SubmitCheckedAsync([new TableTransactionAction(TableTransactionActionType.Add, entity)], default));
        Assert.False(await ExistsAsync(table, "p", "checked"));
    }

    [Fact]
    public async Task AHundredOperationsFitAndAHundredAndOneAreRefusedBeforeSending()
    {
        var table = await azurite.NewTableAsync();
        await table.SubmitCheckedAsync(Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity("p", $"r{i:D3}"))).ToList(), default);
        Assert.Equal(100, await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p").CountAsync());

        await Assert.ThrowsAsync<TransactionTooLargeException>(() => table.SubmitCheckedAsync(Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity("p", $"x{i:D3}"))).ToList(), default));
        Assert.False(await ExistsAsync(table, "p", "x000"));
    }

    [Fact]
    public async Task OperationsAcrossPartitionsOrRepeatedRowsAreRefused()
    {
        var table = await azurite.NewTableAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitCheckedAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Entity("p", "a")),
            new TableTransactionAction(TableTransactionActionType.Add, Entity("other", "b")),
        ], default));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitCheckedAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Entity("p", "a")),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entity("p", "a")),
        ], default));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    public async Task KeysWithForbiddenCharactersAreRefusedBeforeSending(string key)
    {
        var table = await azurite.NewTableAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertCheckedAsync(Entity("p", key), default));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetOrNullAsync(key, "r", default));
        await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteIfPresentAsync("p", key, default));
    }

    [Fact]
    public async Task DeletingAMissingEntityAnswers404WithoutThrowing()
    {
        var table = await azurite.NewTableAsync();
        await table.UpsertCheckedAsync(Entity("p", "r"), default);

        Assert.Equal(204, (await table.DeleteIfPresentAsync("p", "r", default)).Status);
        Assert.Equal(404, (await table.DeleteIfPresentAsync("p", "r", default)).Status);
    }

    [Fact]
    public async Task ASelectBringsBackOnlyTheColumnsItNamesNotEvenTheKeys()
    {
        var table = await azurite.NewTableAsync();
        await table.UpsertCheckedAsync(Entity("p", "r", "kept"), default);

        var bare = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p", select: ["Note"]).SingleAsync();
        var keyed = await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p", select: ["RowKey", "Note"]).SingleAsync();

        Assert.True(string.IsNullOrEmpty(bare.RowKey));
        Assert.Equal("r", keyed.RowKey);
        Assert.Equal("kept", keyed.GetString("Note"));
    }

    [Fact]
    public async Task GetInt32ThrowsOnAnInt64SoCountersAreWrittenAsInt32()
    {
        var table = await azurite.NewTableAsync();
        await table.UpsertCheckedAsync(new TableEntity("p", "r") { ["Small"] = 42, ["Big"] = 42L }, default);
        var read = await table.GetOrNullAsync("p", "r", default);

        Assert.Equal(42, read!.GetInt32("Small"));
        Assert.Throws<InvalidOperationException>(() => read.GetInt32("Big"));
    }

    [Fact]
    public async Task OneBadOperationRollsBackTheWholeTransactionAndNamesIt()
    {
        var table = await azurite.NewTableAsync();
        await table.UpsertCheckedAsync(Entity("p", "b", "already here"), default);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitCheckedAsync(
            new[] { "a", "b", "c" }.Select(rk => new TableTransactionAction(TableTransactionActionType.Add, Entity("p", rk))).ToList(), default));

        Assert.Equal(409, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.False(await ExistsAsync(table, "p", "a"));
        Assert.False(await ExistsAsync(table, "p", "c"));
        Assert.Equal("already here", (await table.GetOrNullAsync("p", "b", default))!.GetString("Note"));
    }

    [Fact]
    public async Task AStaleETagInsideATransactionFailsWith412AndWritesNothing()
    {
        var table = await azurite.NewTableAsync();
        var stale = (await table.UpsertCheckedAsync(Entity("p", "snapshot", "v1"), default)).Headers.ETag!.Value;
        await table.UpsertCheckedAsync(Entity("p", "snapshot", "v2"), default);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitCheckedAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, Entity("p", "event-1")),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity("p", "snapshot", "v3"), stale),
        ], default));

        Assert.Equal(412, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.False(await ExistsAsync(table, "p", "event-1"));
        Assert.Equal("v2", (await table.GetOrNullAsync("p", "snapshot", default))!.GetString("Note"));
        Assert.IsType<RequestFailedException>(error, exactMatch: false);
    }
}
