using AngleSharp.Html.Parser;
using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Cycles.CycleScript;

using static Maca.Functions.Tests.Pages.PageForms;

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


    [Fact]
    public async Task AQaMemberNominatesThroughTheFormAndEveryProblemIsNamedAtItsField()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("nominate", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "nominate", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 });
        var qa = (await api.AgencyAsync(id, "CSC", "Nominate", app.CreateClient)).Http;
        var parser = new HtmlParser();

        var form = parser.ParseDocument(await qa.GetStringAsync("/agency/nominate"));
        var empty = parser.ParseDocument(await (await qa.PostAsync("/agency/nominate", Form(form))).Content.ReadAsStringAsync());
        Assert.StartsWith("Error: Nominate a case", empty.Title);
        var links = empty.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#caseRef", "#ageBand", "#gender", "#ethnicity", "#disability", "#agenciesInvolved", "#reason"], links);
        Assert.All(links, href => Assert.NotNull(empty.QuerySelector(href!)));

        (string, string)[] good = [("caseRef", "nv-ok-1"), ("ageBand", "Under 1"), ("gender", "Male"), ("ethnicity", "White"), ("disability", "no"),
            ("agenciesInvolved", "CSC"), ("agenciesInvolved", "POL"), ("reason", "Bruising seen at nursery")];
        var withNhs = parser.ParseDocument(await (await qa.PostAsync("/agency/nominate",
            Form(empty, [.. good.Where(f => f.Item1 != "reason"), ("reason", "Seen under 943 476 5919")]))).Content.ReadAsStringAsync());
        Assert.Contains("NHS number", withNhs.QuerySelector("#reason-error")!.TextContent);
        Assert.Equal("Seen under 943 476 5919", withNhs.QuerySelector("#reason")!.TextContent); // what they typed is kept to correct

        var done = await qa.PostAsync("/agency/nominate", Form(withNhs, good));
        var banner = parser.ParseDocument(await done.Content.ReadAsStringAsync()).QuerySelector(".govuk-notification-banner")!.TextContent;
        Assert.Contains("NV-OK-1 is nominated", banner);
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        var nominated = history.Single(e => e!["eventType"]!.GetValue<string>() == "CaseNominated")!;
        Assert.Equal("agency:CSC", nominated["actor"]!.GetValue<string>());
        Assert.Equal(["CSC", "POL"], nominated["data"]!["nomination"]!["agenciesInvolved"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task AnAgencyGivesItsMeetingAvailabilityWithOneQuestionPerTime()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("meet", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "meet", theme = "Neglect", auditType = "InDepth", agencyCodes = new[] { "CSC", "POL" }, targetCases = 1 });
        await api.NominateAsync(id, "CSC", "MEET-1", "Under 1", "Male", "White", false, "CSC", "POL");
        await api.RaiseAsync(id, "CloseNominations");
        await api.RaiseAsync(id, "SelectCases", new { cases = new[] { new { caseRef = "MEET-1", agenciesInScope = new[] { "CSC", "POL" } } } });
        await api.SubmitAsync(id, "CSC", "MEET-1");
        await api.SubmitAsync(id, "POL", "MEET-1");
        await api.RaiseAsync(id, "ProposeMeetingSlots", new
        {
            slots = new[] { new { start = Uk(2029, 11, 6, 10), end = Uk(2029, 11, 6, 12) }, new { start = Uk(2029, 11, 7, 14), end = Uk(2029, 11, 7, 16) } },
            location = "Civic Centre, room 2",
        });
        var csc = (await api.AgencyAsync(id, "CSC", "Availability", app.CreateClient)).Http;
        var parser = new HtmlParser();

        var form = parser.ParseDocument(await csc.GetStringAsync("/agency/availability"));
        Assert.Equal(2, form.QuerySelectorAll("fieldset").Length);
        Assert.Contains("Tuesday 6 November 2029 at 10:00 to 12:00", form.QuerySelectorAll("legend")[0].TextContent);
        var missing = parser.ParseDocument(await (await csc.PostAsync("/agency/availability", Form(form))).Content.ReadAsStringAsync());
        Assert.Equal(2, missing.QuerySelectorAll(".govuk-error-summary__list a").Length);

        var slotIds = form.QuerySelectorAll("input[type=radio][value=yes]").Select(r => r.GetAttribute("name")!).ToList();
        var done = await csc.PostAsync("/agency/availability", Form(missing, (slotIds[0], "yes"), (slotIds[1], "no")));
        Assert.Contains("Your availability is recorded", parser.ParseDocument(await done.Content.ReadAsStringAsync())
            .QuerySelector(".govuk-notification-banner")!.TextContent);
        var status = await api.StatusAsync(id, history: true);
        Assert.Equal(0, status["customStatus"]!["outstanding"]!["CSC"]!.GetValue<int>());
        Assert.Contains(status["historyEvents"]!.AsArray(), e => e!["eventType"]!.GetValue<string>() == "AvailabilityGiven"
            && e["actor"]!.GetValue<string>() == "agency:CSC");
    }
}
