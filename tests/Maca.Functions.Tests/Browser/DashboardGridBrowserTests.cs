using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Playwright;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Browser;

/// <summary>An audit of eight agencies: its grid fits a 1280-pixel window, every header in view, and stays accessible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardGridBrowserTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser)
{
    private static readonly string[] Eight = ["CSC", "POL", "EDU", "HV", "GP", "CAMHS", "ED", "YJS"];

    private static readonly string[] Names =
    [
        "Northvale Children's Social Care", "Northvale Constabulary Public Protection Unit", "Northvale Schools and Education",
        "Northvale Community Health Visiting Service", "Northvale General Practice Safeguarding Leads",
        "Child and Adolescent Mental Health Services", "Northvale Hospital Emergency Department", "Northvale Youth Justice Service",
    ];

    [Fact]
    public async Task TheGridOfEightAgenciesFitsA1280PixelWindowWithNoHeaderCutOff()
    {
        await using var run = await BrowserApp.StartAsync(azurite, maildev, browser, "grid-eight", "Desktop");
        await run.Api.SeedPartnershipAsync("grid-eight", Eight, "Neglect");
        foreach (var (code, name) in Eight.Zip(Names))
            await run.Api.OkJsonAsync(HttpMethod.Put, $"/api/partnerships/grid-eight/agencies/{code}", new
            {
                name, leadEmail = $"lead@{code.ToLowerInvariant()}.example", qaEmail = $"qa@{code.ToLowerInvariant()}.example",
                seniorEmail = $"senior@{code.ToLowerInvariant()}.example",
            });
        var id = await run.Api.StartAsync(new
        {
            partnershipId = "grid-eight", theme = "Neglect", auditType = "Desktop", agencyCodes = Eight, targetCases = 2,
        });
        await run.Api.ChooseCasesAsync(id, ("GR-1", Eight), ("GR-2", ["CSC", "POL", "ED"]));
        await run.Api.RaiseAsync(id, "RequestExtension", new
        {
            agencyCode = "CAMHS", newDeadline = "2031-01-10", reason = "Records are held off site",
        });
        var page = run.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserApp.SignInAsync(page);

        await page.GotoAsync($"/cycles/{id}");

        var grid = page.Locator("#grid");
        Assert.Equal(9, await grid.Locator("thead th").CountAsync());
        var scroller = await page.EvaluateAsync<int[]>(
            "() => { const s = document.querySelector('.maca-scroll'); return [s.scrollWidth, s.clientWidth]; }");
        Assert.True(scroller[0] <= scroller[1], $"The grid is {scroller[0]} px wide in a {scroller[1]} px space");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        foreach (var header in await grid.Locator("thead th").AllAsync())
        {
            var box = (await header.BoundingBoxAsync())!;
            Assert.True(box.X + box.Width <= width, $"'{await header.InnerTextAsync()}' ends at {box.X + box.Width}");
        }
        await PageChecks.AccessibleAsync(page, "dashboard-eight-agencies");
    }
}
