using Maca.Functions.Tests.Infrastructure;
using Maca.Functions.Tests.Pages;
using Maca.Testing;
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

        var cycles = await SeededAsync(api);
        var demo = Assert.Single(cycles, c => c!["customStatus"]!["phase"]!.GetValue<string>() != "Closed")!;
        Assert.Equal("AwaitingSubmissions", demo["customStatus"]!["phase"]!.GetValue<string>());
        Assert.Equal(4, cycles.Count(c => c!["customStatus"]!["phase"]!.GetValue<string>() == "Closed")); // the history

        // A second host on the same storage (a restart) loads nothing twice.
        await using var again = new MacaAppFactory(azurite, maildev, settings);
        var sameStorage = again.WithWebHostBuilder(b => b.UseSetting("Storage:NamePrefix", app.NamePrefix));
        var after = (await new CycleClient(sameStorage.CreateCoordinatorClient()).OkJsonAsync(HttpMethod.Get, "/api/cycles?partnershipId=demo"))["items"]!.AsArray();
        Assert.Equal(5, after.Count);
        var reloaded = Assert.Single(after, c => c!["instanceId"]!.GetValue<string>() == demo["instanceId"]!.GetValue<string>())!;
        Assert.Equal(demo["createdTime"]!.GetValue<DateTimeOffset>(), reloaded["createdTime"]!.GetValue<DateTimeOffset>()); // the same cycle, not a new load
        Assert.Equal(demo["version"]!.GetValue<int>(), reloaded["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheSeededHistoryShowsWhichLearningRecursAndWhetherItCameBackAfterItsActions()
    {
        await using var app = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?> { ["Seeds:LoadDemo"] = "true" });
        await SeededAsync(app.CreateCycleClient());
        var desk = app.CreateCoordinatorClient(followRedirects: false);
        var page = await PageForms.PageAsync(await desk.GetAsync("/learning?partnership=demo"));
        var rows = page.QuerySelectorAll("#themes tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim().Replace("\n", " ").Replace("  ", " ")))).ToList();
        // Ranked: recurring first, then by audits, then by findings. Voice of the child in all four audits, and back after its actions
        // (each audit agreed three actions, so a theme's actions are three per audit that raised it).
        Assert.Equal(
        [
            "Voice of the child Recurs | 4 | 2024: 2, 2025: 2, 2026: 1 | ACUTE, CAMHS, CHS, CSC, EDU, EH, POL | 12 of 12 | Yes",
            "Chronologies and recording Recurs | 3 | 2024: 2, 2025: 1, 2026: 1 | ACUTE, CHS, CSC, EDU, EH, POL | 9 of 9 | Yes",
            "Fathers and wider family Recurs | 3 | 2025: 3, 2026: 1 | ACUTE, CHS, CSC, EDU, EH, POL, PROB | 9 of 9 | Yes",
            "Information sharing Recurs | 3 | 2025: 2, 2026: 1 | ACUTE, CHS, CSC, EH, POL, PROB | 9 of 9 | Yes",
            "Professional curiosity Recurs | 2 | 2024: 1, 2025: 1 | ACUTE, CHS, CSC, EDU, POL | 6 of 6 | Yes",
            "Drift and delay | 1 | 2026: 1 | CHS, CSC, EDU, EH | 3 of 3 | No",
            "Management oversight and supervision | 1 | 2026: 1 | CHS, CSC, EDU, EH | 3 of 3 | No",
            "Risk assessment | 1 | 2024: 1 | CAMHS, CSC, POL | 3 of 3 | No",
        ], rows);

        var report = await desk.GetAsync("/learning?partnership=demo&handler=Report&year=2025");
        Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
        var history = (await app.CreateCycleClient().OkJsonAsync(HttpMethod.Get, "/api/cycles?partnershipId=demo"))["items"]!.AsArray()
            .Where(c => c!["customStatus"]!["phase"]!.GetValue<string>() == "Closed").Select(c => c!["instanceId"]!.GetValue<string>());
        foreach (var id in history) Assert.Empty(await maildev.ForCycleAsync(id)); // nothing of the past was emailed
    }

    /// <summary>The seeds load in the background after start-up: the partnership's five cycles, once all are there.</summary>
    private static Task<System.Text.Json.Nodes.JsonArray> SeededAsync(CycleClient api) => Poll.UntilAsync(async () =>
    {
        var items = (await api.OkJsonAsync(HttpMethod.Get, "/api/cycles?partnershipId=demo"))["items"]!.AsArray();
        return (items.Count == 5 && items.Count(c => c!["customStatus"]!["phase"]!.GetValue<string>() == "Closed") == 4, items);
    }, TimeSpan.FromSeconds(60), () => "The demo history did not finish loading.");
}
