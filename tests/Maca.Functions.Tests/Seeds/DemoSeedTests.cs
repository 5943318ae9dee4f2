using Maca.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Maca.Functions.Tests.Seeds;

[Collection(AppCollection.Name)]
public sealed class DemoSeedTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task FirstStartLoadsTheDemoPartnershipItsEightAgenciesAndADemoCycleOnce()
    {
        var settings = new Dictionary<string, string?> { ["Seeds:LoadDemo"] = "true" };
        await using var app = new MacaAppFactory(azurite, maildev, settings);
        var api = app.CreateCycleClient();

        var partnership = await api.OkJsonAsync(HttpMethod.Get, "/api/partnerships/demo");
        Assert.Contains("Self harm", partnership["themes"]!.AsArray().Select(t => t!.GetValue<string>()));
        var agencies = (await api.OkJsonAsync(HttpMethod.Get, "/api/partnerships/demo/agencies")).AsArray();
        Assert.Equal(["ACUTE", "CAMHS", "CHS", "CSC", "EDU", "EH", "POL", "PROB"], agencies.Select(a => a!["code"]!.GetValue<string>()));
        Assert.All(agencies, a => Assert.EndsWith(".example", a!["leadEmail"]!.GetValue<string>()));

        var cycles = (await api.OkJsonAsync(HttpMethod.Get, "/api/cycles?partnershipId=demo"))["items"]!.AsArray();
        var demo = Assert.Single(cycles)!;
        Assert.Equal("AwaitingSubmissions", demo["customStatus"]!["phase"]!.GetValue<string>());

        // A second host on the same storage (a restart) loads nothing twice.
        await using var again = new MacaAppFactory(azurite, maildev, settings);
        var sameStorage = again.WithWebHostBuilder(b => b.UseSetting("Storage:NamePrefix", app.NamePrefix));
        var after = (await new CycleClient(sameStorage.CreateCoordinatorClient()).OkJsonAsync(HttpMethod.Get, "/api/cycles?partnershipId=demo"))["items"]!.AsArray();
        var reloaded = Assert.Single(after)!;
        Assert.Equal(demo["createdTime"]!.GetValue<DateTimeOffset>(), reloaded["createdTime"]!.GetValue<DateTimeOffset>()); // the same cycle, not a new load
        Assert.Equal(demo["version"]!.GetValue<int>(), reloaded["version"]!.GetValue<int>());
    }
}
