using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Playwright;

namespace Maca.Functions.Tests.Browser;

/// <summary>Journey 4: the coordinator starts a cycle through the wizard, with one agency nominating, and finds it in the list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WizardBrowserTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser)
{
    [Fact]
    public async Task TheCoordinatorCreatesACycleThroughTheWizardAndSeesItInTheList()
    {
        await using var run = await BrowserApp.StartAsync(azurite, maildev, browser, "wizard", "Desktop");
        var page = run.Page;
        await BrowserApp.SignInAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new audit" }).ClickAsync();

        // This app's storage holds one partnership, so the wizard goes straight to the theme.
        Assert.Contains("New audit for Test partnership", await page.Locator("main").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.StartsWith("Error: What is the audit about?", await page.TitleAsync());
        await PageChecks.AccessibleAsync(page, "wizard-theme-errors");
        await page.GetByLabel("Neglect").CheckAsync();
        await page.GetByLabel("Desktop", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        Assert.True(await page.Locator("#agencies").IsCheckedAsync()); // every agency ticked to begin with
        await page.Locator("#nominators-2").UncheckAsync(); // only social care nominates
        await PageChecks.AccessibleAsync(page, "wizard-agencies");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.Locator("#targetCases").FillAsync("25");
        await page.Locator("#nominationsClose").FillAsync("31");
        await page.Locator("#nominationsClose-month").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var errors = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("from 1 to 20", errors);
        Assert.Contains("must be a real date", errors);
        await PageChecks.AccessibleAsync(page, "wizard-timetable-errors");
        await page.Locator("#targetCases").FillAsync("4");
        await page.Locator("#nominationsClose").FillAsync("14");
        await page.Locator("#nominationsClose-month").FillAsync("1");
        await page.Locator("#nominationsClose-year").FillAsync("2030");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var summary = await page.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Contains("Neglect", summary);
        Assert.Contains("Agency CSC", summary);
        Assert.Contains("Monday 14 January 2030", summary);
        await PageChecks.AccessibleAsync(page, "wizard-check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the audit" }).ClickAsync();
        await page.WaitForURLAsync("**/cycles/c-*");
        Assert.Contains("The audit has started", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        var id = new Uri(page.Url).AbsolutePath.Split('/')[^1];

        await page.GotoAsync("/cycles");
        Assert.Contains("Neglect", await page.Locator("tbody tr", new() { HasText = id }).InnerTextAsync());
        var status = await run.Api.StatusAsync(id, history: true);
        var started = status["historyEvents"]!.AsArray().Single(e => e!["eventType"]!.GetValue<string>() == "CycleStarted")!;
        Assert.Equal(["CSC"], started["data"]!["nominatingAgencies"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(4, started["data"]!["targetCases"]!.GetValue<int>());
        Assert.StartsWith("coordinator:", started["actor"]!.GetValue<string>());
    }
}
