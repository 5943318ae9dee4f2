using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.AzureEntry;

/// <summary>
/// The app as the Azure entry runs it: every request reaches the catch-all function through the worker's fixed
/// pipeline, and the app's own pipeline answers it, pages, API, static files, sign-in and antiforgery included.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WorkerPipelineTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task HealthStaticFilesSignInAndTheNotFoundPageAnswerThroughTheCatchAllFunction()
    {
        await using var host = await WorkerPipelineHost.StartAsync(azurite, maildev);
        var browser = host.CreateClient(followRedirects: false);

        var health = JsonNode.Parse(await browser.GetStringAsync("/api/health"))!;
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Equal("ok", health["engine"]!["status"]!.GetValue<string>());
        var css = await browser.GetAsync("/assets/govuk-frontend.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);

        var cycles = await browser.GetAsync("/cycles");
        Assert.Equal(HttpStatusCode.Redirect, cycles.StatusCode);
        Assert.Equal("/signin", new Uri(new Uri("http://localhost"), cycles.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/cycles")).StatusCode);

        var coordinator = host.CreateClient(followRedirects: false);
        coordinator.DefaultRequestHeaders.Authorization = TestAccess.Header();
        var missing = await coordinator.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var page = new HtmlParser().ParseDocument(await missing.Content.ReadAsStringAsync());
        Assert.Contains("Page not found", page.Title);
    }

    [Fact]
    public async Task ACoordinatorStartsACycleAndAnAgencyNominatesThroughItsMagicLinkFormAndTheActionPlanDownloads()
    {
        await using var host = await WorkerPipelineHost.StartAsync(azurite, maildev);
        var coordinator = host.CreateClient();
        coordinator.DefaultRequestHeaders.Authorization = TestAccess.Header();
        var api = new CycleClient(coordinator);
        await api.SeedPartnershipAsync("worker", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new
        {
            partnershipId = "worker", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" },
            targetCases = 1,
        });

        // A magic link opens the agency's pages; its form posts with the antiforgery token the page gave.
        var qa = (await api.AgencyAsync(id, "CSC", "Nominate", () => host.CreateClient())).Http;
        var form = new HtmlParser().ParseDocument(await qa.GetStringAsync("/agency/nominate"));
        (string, string)[] nomination = [("caseRef", "WK-1"), ("ageBand", "Under 1"), ("gender", "Male"),
            ("ethnicity", "White"), ("disability", "no"), ("agenciesInvolved", "CSC"), ("reason", "Seen at nursery")];
        var done = await qa.PostAsync("/agency/nominate", Form(form, nomination));
        Assert.Contains("WK-1 is nominated", await done.Content.ReadAsStringAsync());
        // The same signed-in agency, without the page's token: refused.
        var withoutToken = await qa.PostAsync("/agency/nominate",
            new FormUrlEncodedContent(nomination.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        Assert.Equal("agency:CSC", history.Single(e => e!["eventType"]!.GetValue<string>() == "CaseNominated")!
            ["actor"]!.GetValue<string>());
        var dashboard = await coordinator.GetAsync($"/cycles/{id}");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var plan = await coordinator.GetAsync("/actions?handler=Csv&partnership=worker");
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        Assert.Equal("text/csv", plan.Content.Headers.ContentType!.MediaType);
    }
}
