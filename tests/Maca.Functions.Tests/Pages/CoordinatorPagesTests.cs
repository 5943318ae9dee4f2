using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;

using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>The coordinator's pages as a browser without JavaScript gets them: sign in, then the list of cycles.</summary>
[Collection(AppCollection.Name)]
public sealed class CoordinatorPagesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly HtmlParser Parser = new();



    [Fact]
    public async Task ACoordinatorSignsInWithTheFormAndAMissingChoiceGetsTheErrorSummary()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

        var signIn = await PageAsync(await browser.GetAsync("/"));
        Assert.Equal("Sign in - Maca", signIn.Title);
        Assert.Null(signIn.QuerySelector(".govuk-header__logotype")); // not a GOV.UK service: no crown

        var refused = await browser.PostAsync("/signin", Form(signIn));
        var error = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.StartsWith("Error: ", error.Title);
        Assert.Equal("#email", error.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(error.QuerySelector("#email"));

        var cycles = await PageAsync(await browser.PostAsync("/signin", Form(error, ("email", Maca.Testing.TestAccess.CoordinatorEmail))));
        Assert.Equal("Audit cycles - Maca", cycles.Title);
        Assert.NotNull(cycles.QuerySelector("form[action='/signout']"));
    }

    [Fact]
    public async Task TheCyclesListShowsEachCycleInPlainWordsAndFilters()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("pages", ["CSC", "POL"], "Neglect", "Self harm");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var neglect = await api.StartAsync(new { partnershipId = "pages", theme = "Neglect", auditType = "InDepth", agencyCodes = new[] { "CSC", "POL" }, targetCases = 3 });
        var selfHarm = await api.StartAsync(new { partnershipId = "pages", theme = "Self harm", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 3 });
        await api.SendAsync(HttpMethod.Post, $"/api/cycles/{selfHarm}/suspend?reason=Waiting%20for%20the%20board");
        var coordinator = app.CreateCoordinatorClient();

        var all = await PageAsync(await coordinator.GetAsync("/cycles"));
        var rows = all.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(neglect) && r.Contains("Nominations open") && r.Contains("In progress") && r.Contains("In-depth"));
        Assert.Contains(rows, r => r.Contains(selfHarm) && r.Contains("Paused") && r.Contains("Desktop"));
        Assert.DoesNotContain("Nominating", all.QuerySelector("main")!.TextContent.Replace("Nominations", "")); // no internal codes
        Assert.Contains("Nominations close", rows.Single(r => r.Contains(neglect)));

        var paused = await PageAsync(await coordinator.GetAsync("/cycles?status=Suspended&theme=Self+harm"));
        var pausedRows = paused.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(pausedRows, r => r.Contains(selfHarm));
        Assert.DoesNotContain(pausedRows, r => r.Contains(neglect));
        Assert.Equal("selected", paused.QuerySelector("#status option[value=Suspended]")!.GetAttribute("selected"));
    }

    [Fact]
    public async Task AnAgencyLinkCannotOpenTheCoordinatorsPages()
    {
        await using var world = await Access.AccessWorld.CreateAsync(azurite, maildev);
        var response = await world.Clients[Access.Caller.LinkA].GetAsync("/cycles");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(world.CycleA, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheDashboardShowsTheGridEmailsAndHistoryInPlainWords()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        string[] agencies = ["CSC", "POL", "EDU"];
        await api.SeedPartnershipAsync("dash", agencies, "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "dash", theme = "Neglect", auditType = "InDepth", agencyCodes = agencies, targetCases = 2 });
        await api.NominateAsync(id, "CSC", "DASH-1", "Under 1", "Male", "White", false, "CSC", "POL");
        await api.RaiseAsync(id, "CloseNominations");
        await api.RaiseAsync(id, "SelectCases", new { cases = new[] { new { caseRef = "DASH-1", agenciesInScope = new[] { "CSC", "POL" } } } });
        await api.SubmitAsync(id, "CSC", "DASH-1");
        await api.DrainOutboxAsync(id);

        var page = await PageAsync(await app.CreateCoordinatorClient().GetAsync($"/cycles/{id}"));
        var headers = page.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        var cells = page.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("DASH-1")).QuerySelectorAll("td").Select(c => c.QuerySelector(".govuk-tag")!.TextContent.Trim()).ToList();
        string Cell(string agencyName) => cells[headers.FindIndex(h => h.EndsWith(agencyName, StringComparison.Ordinal)) - 1];
        Assert.Equal("Submitted", Cell("Agency CSC"));
        Assert.NotNull(page.QuerySelector($"a[href=\"/cycles/{id}/submissions/CSC/DASH-1\"]")); // the response, one click away
        Assert.Equal("Not started", Cell("Agency POL"));
        Assert.DoesNotContain(headers, h => h.Contains("EDU")); // no selected case is in scope for it
        Assert.Contains("Waiting for submissions", page.QuerySelector(".govuk-summary-list")!.TextContent);
        var phases = page.QuerySelectorAll("#phases li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent.Trim(), @"\s+", " ")).ToList();
        Assert.Equal(["Done Nominations open", "Done Choosing cases", "Now Waiting for submissions", "To come Arranging the meeting"], phases.Take(4));

        var emails = page.QuerySelectorAll("table").Last().TextContent;
        Assert.Contains("Submission request", emails);
        Assert.Contains("Sent", emails);
        var history = page.QuerySelector(".moj-timeline")!.TextContent;
        Assert.Contains("Audit tool submitted", history);
        Assert.Contains($"Coordinator ({Maca.Testing.TestAccess.CoordinatorEmail})", history);
    }

    [Fact]
    public async Task PausingResumingAndStoppingEachAskForConfirmationAndAReason()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("control", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "control", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 });
        // HttpClient drops a bearer token on redirects, so the test follows them itself, as a browser with a session would.
        var browser = app.CreateCoordinatorClient(followRedirects: false);
        async Task<IHtmlDocument> Post(string action, params (string, string)[] fields)
        {
            var form = await PageAsync(await browser.GetAsync($"/cycles/{id}/control?change={action}"));
            var answer = await browser.PostAsync($"/cycles/{id}/control?change={action}", Form(form, fields));
            if (answer.StatusCode == HttpStatusCode.Redirect) answer = await browser.GetAsync(answer.Headers.Location);
            return Parser.ParseDocument(await answer.Content.ReadAsStringAsync());
        }

        var noReason = await Post("Suspend");
        Assert.StartsWith("Error: ", noReason.Title);
        Assert.Equal("#reason", noReason.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("Running", (await api.StatusAsync(id))["runtimeStatus"]!.GetValue<string>());

        var paused = await Post("Suspend", ("reason", "Waiting for the board to meet"));
        Assert.Contains("The audit is paused.", paused.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal("Suspended", (await api.StatusAsync(id))["runtimeStatus"]!.GetValue<string>());
        await Post("Resume");
        Assert.Equal("Running", (await api.StatusAsync(id))["runtimeStatus"]!.GetValue<string>());
        var stopped = await Post("Terminate", ("reason", "Started by mistake"));
        Assert.Contains("The audit is stopped.", stopped.QuerySelector(".govuk-notification-banner")!.TextContent);
        var status = await api.StatusAsync(id, history: true);
        Assert.Equal("Terminated", status["runtimeStatus"]!.GetValue<string>());
        Assert.Contains(status["historyEvents"]!.AsArray(), e => e!["eventType"]!.GetValue<string>() == "CycleSuspended"
            && e["actor"]!.GetValue<string>() == $"coordinator:{Maca.Testing.TestAccess.CoordinatorEmail}");
    }

    [Fact]
    public async Task TheCoordinatorIssuesALinkOnThePageAndRevokingItSignsItsHolderOut()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("linkpage", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "linkpage", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 });
        var coordinator = app.CreateCoordinatorClient(followRedirects: false);

        var page = await PageAsync(await coordinator.GetAsync($"/cycles/{id}/links"));
        Assert.Equal(2, page.QuerySelectorAll("tbody tr").Length); // the two nomination requests' links
        var issued = Parser.ParseDocument(await (await coordinator.PostAsync($"/cycles/{id}/links?handler=Issue",
            Form(page, ("agencyCode", "POL"), ("purpose", "Nominate")))).Content.ReadAsStringAsync());
        var url = issued.QuerySelector("#new-link")!.TextContent.Trim();

        var holder = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await holder.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/agency")).StatusCode);

        var live = issued.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("issued by"));
        var linkId = live.QuerySelector("input[name=linkId]")!.GetAttribute("value")!;
        var revoked = await coordinator.PostAsync($"/cycles/{id}/links?handler=Revoke", Form(issued, ("linkId", linkId)));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await PageAsync(await coordinator.GetAsync(revoked.Headers.Location));
        Assert.Contains("The link is revoked", after.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await holder.GetAsync("/agency")).StatusCode); // signed out: sent to sign in
    }

    [Fact]
    public async Task TheCoordinatorChoosesCasesFromTheSuggestedCrossSectionWithTheAgenciesInScope()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("select", ["CSC", "POL", "EDU"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "select", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL", "EDU" }, targetCases = 2 });
        await api.NominateAsync(id, "CSC", "SEL-1", "Under 1", "Male", "White", false, "CSC", "POL");
        await api.NominateAsync(id, "CSC", "SEL-2", "Under 1", "Male", "White", false, "CSC");
        await api.NominateAsync(id, "POL", "SEL-3", "16 to 17", "Female", "Mixed or multiple", true, "POL", "EDU");
        await api.RaiseAsync(id, "CloseNominations");
        var coordinator = app.CreateCoordinatorClient(followRedirects: false);

        var page = await PageAsync(await coordinator.GetAsync($"/cycles/{id}/selection"));
        var ticked = page.QuerySelectorAll("input[name=selected][checked]").Select(i => i.GetAttribute("value")).Order().ToList();
        Assert.Equal(["SEL-1", "SEL-3"], ticked); // the cross-section: the two that differ most
        Assert.Contains("2 of 2", page.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("Age bands")).TextContent);

        var noScope = Parser.ParseDocument(await (await coordinator.PostAsync($"/cycles/{id}/selection",
            Form(page, ("selected", "SEL-1")))).Content.ReadAsStringAsync());
        Assert.Equal("#scope-SEL-1", noScope.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("Selecting", (await api.StatusAsync(id))["customStatus"]!["phase"]!.GetValue<string>());

        var chosen = await coordinator.PostAsync($"/cycles/{id}/selection", Form(noScope,
            ("selected", "SEL-1"), ("scope-SEL-1", "CSC"), ("scope-SEL-1", "POL"), ("selected", "SEL-3"), ("scope-SEL-3", "EDU")));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var dashboard = await PageAsync(await coordinator.GetAsync(chosen.Headers.Location));
        Assert.Contains("2 cases selected", dashboard.QuerySelector(".govuk-notification-banner")!.TextContent);
        var status = await api.StatusAsync(id);
        Assert.Equal("AwaitingSubmissions", status["customStatus"]!["phase"]!.GetValue<string>());
        Assert.Equal(1, status["customStatus"]!["outstanding"]!["EDU"]!.GetValue<int>());
        Assert.Equal(1, status["customStatus"]!["outstanding"]!["POL"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFailedEmailIsSentAgainFromTheDashboardButton()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync(FakeSendGrid.Error(400, "The to address is not valid."), FakeSendGrid.Accepted("ok"));
        await using var app = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?>
        {
            ["Email:Transport"] = "SendGrid", ["Email:SendGrid:BaseUrl"] = sendGrid.BaseUrl.ToString(), ["Email:SendGrid:ApiKey"] = "SG.test",
        });
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("retrypage", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "retrypage", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 });
        await api.DrainOutboxAsync(id);
        var coordinator = app.CreateCoordinatorClient(followRedirects: false);

        var page = await PageAsync(await coordinator.GetAsync($"/cycles/{id}"));
        var failedRow = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Failed"));
        Assert.Contains("The to address is not valid.", failedRow.TextContent);
        var outboxId = failedRow.QuerySelector("input[name=outboxId]")!.GetAttribute("value")!;
        var retried = await coordinator.PostAsync($"/cycles/{id}?handler=Retry", Form(page, ("outboxId", outboxId)));
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await api.DrainOutboxAsync(id);

        var after = await PageAsync(await coordinator.GetAsync($"/cycles/{id}"));
        Assert.DoesNotContain(after.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Failed"));
        Assert.Empty((await api.StatusAsync(id))["failedEmails"]!.AsArray());
    }
}
