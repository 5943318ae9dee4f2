using System.Net;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Maca.Functions.Tests.Browser;

/// <summary>An agency lead in a real browser: a working link lands on their tasks; a broken one says what to do next.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgencyBrowserTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser)
{
    [Fact]
    public async Task AWorkingLinkOpensTheTaskListAndABrokenOneExplainsItselfBothAccessibly()
    {
        await using var run = await BrowserApp.StartAsync(azurite, maildev, browser, "lead", "Desktop");
        var link = (await run.Api.OkJsonAsync(HttpMethod.Post, $"/api/cycles/{run.CycleId}/links", new { agencyCode = "CSC", purpose = "Nominate" },
            HttpStatusCode.Created))["url"]!.GetValue<string>();
        var page = run.Page;
        await page.GotoAsync(new Uri(link).PathAndQuery);
        Assert.EndsWith("/agency", new Uri(page.Url).AbsolutePath);
        Assert.Contains("Neglect multi-agency case audit", await page.Locator("h1").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "agency-tasks");

        await page.GetByRole(AriaRole.Button, new() { Name = "Nominate a case" }).ClickAsync();
        await PageChecks.AccessibleAsync(page, "nominate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nominate case" }).ClickAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await PageChecks.AccessibleAsync(page, "nominate-errors");

        await page.GetByLabel("Case reference").FillAsync("LEAD-01");
        await page.GetByLabel("11 to 15").CheckAsync();
        await page.GetByLabel("Female").CheckAsync();
        await page.GetByLabel("Ethnicity").SelectOptionAsync("Not recorded");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Agency POL").CheckAsync();
        await page.GetByLabel("Why would this case help the audit?").FillAsync("Repeated attendance at the emergency department");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nominate case" }).ClickAsync();
        Assert.Contains("LEAD-01 is nominated", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "nominated");

        run.Allow(404, Access.AccessWorld.Tamper(link)); // a broken link is meant to be 404
        var broken = await page.GotoAsync(Access.AccessWorld.Tamper(link));
        Assert.Equal(404, broken!.Status);
        Assert.Contains("Ask the partnership's audit coordinator for a new one", await page.Locator("main").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "link-not-working");
    }
}
