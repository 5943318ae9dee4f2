using AngleSharp.Html.Parser;
using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Pages;

/// <summary>What an agency lead sees after opening their link: their own cases, where each stands, and by when.</summary>
[Collection(AppCollection.Name)]
public sealed class AgencyPagesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task TheLinkLandsOnTheAgencysOwnTaskListAndNothingOfAnotherAgency()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("tasks", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "tasks", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 });
        await api.NominateAsync(id, "CSC", "TASK-1", "Under 1", "Male", "White", false, "CSC", "POL");
        await api.NominateAsync(id, "CSC", "TASK-2", "5 to 10", "Female", "White", false, "CSC");
        await api.RaiseAsync(id, "CloseNominations");
        await api.RaiseAsync(id, "SelectCases", new
        {
            cases = new[] { new { caseRef = "TASK-1", agenciesInScope = new[] { "CSC", "POL" } }, new { caseRef = "TASK-2", agenciesInScope = new[] { "CSC" } } },
        });
        await api.SubmitAsync(id, "CSC", "TASK-2");

        var csc = await api.AgencyAsync(id, "CSC", "Submit", app.CreateClient);
        var page = new HtmlParser().ParseDocument(await csc.Http.GetStringAsync("/agency"));
        var tasks = page.QuerySelectorAll(".govuk-task-list__item").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(2, tasks.Count);
        Assert.Contains(tasks, t => t.Contains("TASK-1") && t.Contains("Not yet started"));
        Assert.Contains(tasks, t => t.Contains("TASK-2") && t.Contains("Submitted"));
        Assert.Contains("Please respond by", page.QuerySelector(".govuk-inset-text")!.TextContent);

        var police = await api.AgencyAsync(id, "POL", "Submit", app.CreateClient);
        var policeTasks = new HtmlParser().ParseDocument(await police.Http.GetStringAsync("/agency"))
            .QuerySelectorAll(".govuk-task-list__item").Select(t => t.TextContent).ToList();
        Assert.Contains(policeTasks, t => t.Contains("TASK-1"));
        Assert.DoesNotContain(policeTasks, t => t.Contains("TASK-2")); // not in Police's scope
    }
}
