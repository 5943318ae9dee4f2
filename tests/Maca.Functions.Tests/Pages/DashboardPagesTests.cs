using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>The coordinator's dashboard shows what is in the audit, and its history reads as what happened.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardPagesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task TheGridHasAColumnOnlyForTheAgenciesTheCasesAreInScopeFor()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("dash-grid", ["CSC", "POL", "EDU", "HV"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new
        {
            partnershipId = "dash-grid", theme = "Neglect", auditType = "Desktop",
            agencyCodes = new[] { "CSC", "POL", "EDU" }, targetCases = 1,
        });
        await api.ChooseCasesAsync(id, ("GRID-1", ["CSC", "POL"]));

        var page = await PageAsync(await app.CreateCoordinatorClient().GetAsync($"/cycles/{id}"));

        var headers = page.QuerySelectorAll("#grid thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(3, headers.Count);
        Assert.Contains("CSC", headers[1]);
        Assert.Contains("Agency CSC", headers[1]); // the full name, for a screen reader
        Assert.Contains("POL", headers[2]);
        Assert.Equal(2, page.QuerySelectorAll("#grid tbody td").Length);
        Assert.DoesNotContain("EDU", page.QuerySelector("#grid")!.TextContent);
        Assert.Contains("Agency POL", page.QuerySelector("#grid-key")!.TextContent);
    }

    [Fact]
    public async Task WhileNominationsAreOpenOnlyTheAgenciesThatNominateOweOne()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("dash-owe", ["CSC", "POL", "EDU"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new
        {
            partnershipId = "dash-owe", theme = "Neglect", auditType = "Desktop",
            agencyCodes = new[] { "CSC", "POL", "EDU" }, targetCases = 1, nominatingAgencies = new[] { "CSC" },
        });

        var outstanding = (await api.StatusAsync(id))["customStatus"]!["outstanding"]!.AsObject();
        Assert.Equal(["CSC"], outstanding.Select(o => o.Key));
        Assert.Equal(1, outstanding["CSC"]!.GetValue<int>());
        var page = await PageAsync(await app.CreateCoordinatorClient().GetAsync($"/cycles/{id}"));
        Assert.Equal("Agency CSC: 1 nomination", page.QuerySelector("#waiting-for li")!.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll("#waiting-for li"));
    }

    [Fact]
    public async Task TheHistorySaysWhatHappenedInPlainWordsNotTheEnginesOwn()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("dash-words", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new
        {
            partnershipId = "dash-words", theme = "Neglect", auditType = "Desktop",
            agencyCodes = new[] { "CSC", "POL" }, targetCases = 1,
        });
        await api.ChooseCasesAsync(id, ("WORDS-1", ["CSC", "POL"]));
        await api.SubmitAsync(id, "CSC", "WORDS-1");
        await api.DrainOutboxAsync(id);

        var page = await PageAsync(await app.CreateCoordinatorClient().GetAsync($"/cycles/{id}"));
        var history = page.QuerySelector("#history")!;
        var titles = history.QuerySelectorAll(".moj-timeline__title").Select(t => t.TextContent.Trim()).ToList();

        Assert.Contains("Submission request emailed to Agency POL (lead@pol.dash-words.example)", titles);
        Assert.Contains("Chasers for Agency CSC stopped: every case answered", history.TextContent);
        Assert.Contains(history.QuerySelectorAll("li"), li => li.TextContent.StartsWith("Reminder for Agency POL due ")
            && li.TextContent.Contains(" 2029"));
        foreach (var engineWords in new[] { "Steps scheduled", "Steps cancelled", "Step fired", "Notification queued",
                     "Email sent", "Email pending" })
            Assert.DoesNotContain(engineWords, history.TextContent);
    }
}
