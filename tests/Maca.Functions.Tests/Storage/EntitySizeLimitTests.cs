using Maca.Functions.Storage;
using Maca.Functions.Storage.Tables;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;

namespace Maca.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class EntitySizeLimitTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AStringOver64KiBIsRefusedBeforeItIsSentNeverTruncated()
    {
        var table = await azurite.NewTableAsync();
        var entity = new TableEntity("p", "r") { ["Body"] = new string('a', EntitySizeLimits.MaxStringChars + 1) };

        var error = await Assert.ThrowsAsync<EntityTooLargeException>(() => table.InsertAsync(entity));
        Assert.Contains("'Body'", error.Message);
        Assert.Null(await table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task AStringOfExactly64KiBIsStored()
    {
        var table = await azurite.NewTableAsync();
        var value = new string('b', EntitySizeLimits.MaxStringChars);
        await table.InsertAsync(new TableEntity("p", "r") { ["Body"] = value });
        Assert.Equal(value, (await table.GetAsync("p", "r"))!["Body"]);
    }

    [Fact]
    public async Task ALongStringSplitOverPropertiesRoundTripsWhole()
    {
        var table = await azurite.NewTableAsync();
        // Emoji are surrogate pairs: a split must never cut one in half.
        var value = string.Concat(Enumerable.Range(0, 50_000).Select(i => i % 7 == 0 ? "😀" : "chronology "));
        var entity = new TableEntity("p", "r");
        LargeProperty.Write(entity, "Body", value);

        await table.InsertAsync(entity);
        var read = await table.GetAsync("p", "r");

        Assert.True(read!.GetInt32("Body_Count") > 1);
        Assert.Equal(value, LargeProperty.Read(read, "Body"));
    }

    [Fact]
    public async Task AnEntityOver1MiBIsRefusedBeforeItIsSentEvenWhenSplit()
    {
        var table = await azurite.NewTableAsync();
        var entity = new TableEntity("p", "r");
        LargeProperty.Write(entity, "Body", new string('c', 600_000)); // 1.2 MB as UTF-16

        var error = await Assert.ThrowsAsync<EntityTooLargeException>(() => table.InsertAsync(entity));
        Assert.Contains("blob", error.Message);
        await Assert.ThrowsAsync<EntityTooLargeException>(() => table.SubmitTransactionAsync([TableOperation.Insert(entity)]));
        Assert.Null(await table.GetAsync("p", "r"));
    }
}
