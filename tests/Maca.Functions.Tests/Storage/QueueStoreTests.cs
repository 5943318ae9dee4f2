using Maca.Functions.Storage.Queues;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;

namespace Maca.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class QueueStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AMessageIsReceivedOnceThenDeleted()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendAsync("{\"cycle\":\"c-1\"} – ünïcode");

        var received = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromMinutes(1)));
        Assert.Equal("{\"cycle\":\"c-1\"} – ünïcode", received.Text);
        Assert.Equal(1, received.DequeueCount);

        await queue.DeleteAsync(received.MessageId, received.PopReceipt);
        Assert.Empty(await queue.ReceiveAsync(10, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task AVisibilityDelayHidesTheMessageUntilItIsDue()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendAsync("later", visibilityDelay: TimeSpan.FromSeconds(5)); // long enough that a busy machine still checks within it
        await queue.SendAsync("much later", visibilityDelay: TimeSpan.FromHours(1));

        Assert.Empty(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1)));

        var due = await Poll.UntilAsync(async () =>
        {
            var messages = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1));
            return (messages.Count > 0, messages);
        }, TimeSpan.FromSeconds(30), () => "The delayed message never became visible.");
        Assert.Equal("later", Assert.Single(due).Text);
    }

    [Fact]
    public async Task AReceivedMessageStaysHiddenUntilItsVisibilityIsUpdated()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendAsync("work item");
        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));
        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));

        var receipt = await queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero);
        Assert.NotEqual(first.PopReceipt, receipt);

        var again = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(5)));
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task TimeToLiveSetsTheExpiry()
    {
        var queue = await azurite.NewQueueAsync();
        await queue.SendAsync("short-lived", timeToLive: TimeSpan.FromMinutes(10));
        var message = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromMinutes(10), message.ExpiresOn!.Value - message.InsertedOn!.Value);
    }

    [Fact]
    public async Task AMessageTooLargeForTheQueueIsRefusedBeforeSending()
    {
        var queue = await azurite.NewQueueAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(new string('x', 60_000)));
    }
}
