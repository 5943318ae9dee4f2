using Maca.Functions.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Maca.Functions.Tests.Browser;

/// <summary>The list of audit cycles over two pages, in a real browser: pagination that keeps the filter.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CyclesListBrowserTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser)
{
    [Fact]
    public async Task TheCoordinatorPagesThroughTheirCyclesWithTheFilterKeptAndNoSeriousAccessibilityProblems()
    {
        await using var run = await BrowserApp.StartAsync(azurite, maildev, browser, "cyclepages", "Desktop");
        for (var i = 0; i < 26; i++)
        {
            await run.Api.StartAsync(new
            {
                partnershipId = "cyclepages", theme = "Neglect", auditType = "InDepth",
                agencyCodes = new[] { "CSC", "POL" }, targetCases = 2,
            });
        }
        var page = run.Page;
        await BrowserApp.SignInAsync(page);
        await page.GetByLabel("Theme").SelectOptionAsync("Neglect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        Assert.Equal(25, await page.Locator("tbody tr").CountAsync());
        await PageChecks.AccessibleAsync(page, "cycles-page-1");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync("**/cycles?theme=Neglect&page=2");
        Assert.Equal(2, await page.Locator("tbody tr").CountAsync());
        Assert.Equal("2", (await page.Locator(".govuk-pagination [aria-current=page]").InnerTextAsync()).Trim());
        await PageChecks.AccessibleAsync(page, "cycles-page-2");
    }
}
