using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;
using Microsoft.Playwright;

namespace Maca.Functions.Tests.Browser;

/// <summary>A coordinator in a real browser, on the real app: signs in, finds the cycle in the list, opens its dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorBrowserTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser)
{
    [Fact]
    public async Task TheCoordinatorSignsInAndSeesTheirCyclesWithNoSeriousAccessibilityProblems()
    {
        await using var run = await BrowserApp.StartAsync(azurite, maildev, browser, "browser", "InDepth");
        var (page, id) = (run.Page, run.CycleId);
        await page.GotoAsync("/");
        Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath);
        await PageChecks.AccessibleAsync(page, "sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await PageChecks.AccessibleAsync(page, "sign-in-error");

        await page.GetByLabel(TestAccess.CoordinatorEmail).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/cycles");
        var row = page.Locator("tbody tr", new() { HasText = id });
        Assert.Contains("Nominations open", await row.InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "cycles");

        await run.Api.NominateAsync(id, "CSC", "BR-1", "Under 1", "Male", "White", false, "CSC", "POL");
        await run.Api.NominateAsync(id, "POL", "BR-2", "11 to 15", "Female", "White", true, "POL");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/cycles/{id}");
        Assert.Equal("Neglect audit - Maca", await page.TitleAsync());
        Assert.Contains("Cycle started", await page.Locator(".moj-timeline").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "cycle-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Magic links sent in this audit" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue a link" }).ClickAsync();
        Assert.Contains("/links/", await page.Locator("#new-link").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "magic-links");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the audit" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Close nominations now" }).ClickAsync();
        Assert.Contains("Nominations are closed", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose the cases" }).ClickAsync();
        await PageChecks.AccessibleAsync(page, "selection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Select these cases" }).ClickAsync();
        Assert.Contains("cases selected", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause the audit" }).ClickAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await PageChecks.AccessibleAsync(page, "pause-errors");
        await page.GetByLabel("Why?").FillAsync("Waiting for the board");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause the audit" }).ClickAsync();
        Assert.Contains("The audit is paused.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Paused", await page.Locator("h1").InnerTextAsync());
    }
}
