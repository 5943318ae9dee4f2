using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;

namespace Maca.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableStoreTests(AzuriteFixture azurite)
{
    private static TableEntity Entity(string pk, string rk, string note = "x") => new(pk, rk) { ["Note"] = note };

    [Fact]
    public async Task EveryPropertyTypeRoundTripsThroughInsertAndPointRead()
    {
        var table = await azurite.NewTableAsync();
        var when = new DateTimeOffset(2026, 12, 11, 9, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "Voice of the child", ["Small"] = 42, ["Big"] = 9_007_199_254_740_993L, ["Ratio"] = 0.5,
            ["Whole"] = 3.0, ["Flag"] = true, ["When"] = when, ["Id"] = id, ["Bytes"] = new byte[] { 1, 2, 3 },
        };

        var etag = await table.InsertAsync(entity);
        var read = await table.GetAsync("p", "r");

        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(etag, read.ETag);
        Assert.Equal("Voice of the child", read["Text"]);
        Assert.Equal(42, read["Small"]);
        Assert.Equal(9_007_199_254_740_993L, read["Big"]);
        Assert.Equal(0.5, read["Ratio"]);
        Assert.Equal(3.0, read["Whole"]);
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(when, read["When"]);
        Assert.Equal(id, read["Id"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, read["Bytes"]);
    }

    [Fact]
    public async Task KeysWithQuotesSpacesAndAccentsRoundTrip()
    {
        var table = await azurite.NewTableAsync();
        await table.InsertAsync(Entity("cycle 'A' é", "case 1 ’x’ (b)"));
        Assert.NotNull(await table.GetAsync("cycle 'A' é", "case 1 ’x’ (b)"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    public async Task KeysWithForbiddenCharactersAreRefusedBeforeSending(string key)
    {
        var table = await azurite.NewTableAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => table.InsertAsync(Entity("p", key)));
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetAsync(key, "r"));
    }

    [Fact]
    public async Task PointReadOfAMissingEntityReturnsNull()
    {
        var table = await azurite.NewTableAsync();
        Assert.Null(await table.GetAsync("p", "missing"));
    }

    [Fact]
    public async Task InsertingAnExistingEntityThrowsConflict()
    {
        var table = await azurite.NewTableAsync();
        await table.InsertAsync(Entity("p", "r"));
        var error = await Assert.ThrowsAsync<StorageConflictException>(() => table.InsertAsync(Entity("p", "r")));
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task UpdateWithAStaleETagIsRefusedAndKeepsTheWinnersValue()
    {
        var table = await azurite.NewTableAsync();
        var original = await table.InsertAsync(Entity("p", "r", "first"));
        await table.UpdateAsync(Entity("p", "r", "winner"), original);

        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => table.UpdateAsync(Entity("p", "r", "loser"), original));
        await Assert.ThrowsAsync<StoragePreconditionFailedException>(() => table.DeleteAsync("p", "r", original));
        Assert.Equal("winner", (await table.GetAsync("p", "r"))!["Note"]);
    }

    [Fact]
    public async Task UpdateWithTheCurrentETagSucceedsAndChangesTheETag()
    {
        var table = await azurite.NewTableAsync();
        var first = await table.InsertAsync(Entity("p", "r", "first"));
        var second = await table.UpdateAsync(Entity("p", "r", "second"), first);
        Assert.NotEqual(first, second);
        await table.DeleteAsync("p", "r", second);
        Assert.Null(await table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task MergeKeepsPropertiesItDoesNotMention()
    {
        var table = await azurite.NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });
        await table.UpsertAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Merge);
        var read = await table.GetAsync("p", "r");
        Assert.Equal("a", read!["A"]);
        Assert.Equal("b2", read["B"]);

        await table.UpsertAsync(new TableEntity("p", "r") { ["B"] = "b3" });
        Assert.False((await table.GetAsync("p", "r"))!.Properties.ContainsKey("A"));
    }

    [Fact]
    public async Task QueryOver2500EntitiesFollowsContinuationTokens()
    {
        var table = await azurite.NewTableAsync();
        for (var batch = 0; batch < 25; batch++)
            await table.SubmitTransactionAsync(Enumerable.Range(0, 100)
                .Select(i => TableOperation.Insert(Entity("bulk", $"{batch * 100 + i:D5}"))).ToList());
        await table.InsertAsync(Entity("other", "00000"));

        var query = new TableQuery(TableFilter.PartitionEquals("bulk"));
        var firstPage = await table.QueryPageAsync(query);
        var all = await table.QueryAsync(query).ToListAsync();

        Assert.NotNull(firstPage.Continuation);
        Assert.True(firstPage.Entities.Count < 2500);
        Assert.Equal(2500, all.Count);
        Assert.Equal(2500, all.Select(e => e.RowKey).Distinct().Count());
    }

    [Fact]
    public async Task QueryAppliesSelectAndTopPerPage()
    {
        var table = await azurite.NewTableAsync();
        await table.SubmitTransactionAsync(Enumerable.Range(0, 5)
            .Select(i => TableOperation.Insert(new TableEntity("p", $"r{i}") { ["Keep"] = i, ["Drop"] = "x" })).ToList());

        var page = await table.QueryPageAsync(new TableQuery(TableFilter.PartitionEquals("p"), ["Keep"], Top: 2));
        var all = await table.QueryAsync(new TableQuery(TableFilter.PartitionEquals("p"), ["Keep"], Top: 2)).ToListAsync();

        Assert.Equal(2, page.Entities.Count);
        Assert.NotNull(page.Continuation);
        Assert.Equal(5, all.Count);
        Assert.All(all, e => Assert.False(e.Properties.ContainsKey("Drop")));
    }
}
