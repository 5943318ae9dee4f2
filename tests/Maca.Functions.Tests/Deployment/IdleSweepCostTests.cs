using Maca.Functions.Storage;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Deployment;

/// <summary>
/// What the timer costs when nothing is due: the README states the idle storage transactions per hour from this
/// (one query a sweep), so a change that makes an idle sweep dearer must change the README too.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IdleSweepCostTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task AnIdleSweepIsOneStorageTransactionOnceTheDaysRetentionHasRun()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var counter = app.Services.GetRequiredService<StorageTransactionCounter>();
        await api.SweepAsync(); // the first sweep of the day also runs retention

        var before = counter.Count;
        for (var i = 0; i < 10; i++) await api.SweepAsync();
        Assert.Equal(10, counter.Count - before);
    }
}
