using System.Net;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.Playwright;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Browser;

/// <summary>
/// Journey 3: one agency's link cannot open another agency's case, and the page reveals nothing about it; a revoked,
/// an expired and a tampered link each get a page that says what to do next.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LinkBrowserTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser)
{
    [Fact]
    public async Task ALinkStaysInsideItsAgencyAndEveryBrokenLinkSaysWhatToDoNext()
    {
        await using var run = await BrowserApp.StartAsync(azurite, maildev, browser, "linkpages", "Desktop");
        var (page, id, api) = (run.Page, run.CycleId, run.Api);
        await api.ChooseCasesAsync(id, ("LNK-1", ["CSC", "POL"]), ("LNK-2", ["CSC"]));
        async Task<(string Url, string Id)> IssueAsync(string agency)
        {
            var issued = await api.OkJsonAsync(HttpMethod.Post, $"/api/cycles/{id}/links", new { agencyCode = agency, purpose = "Submit" }, HttpStatusCode.Created);
            return (new Uri(issued["url"]!.GetValue<string>()).PathAndQuery, issued["linkId"]!.GetValue<string>());
        }
        var police = await IssueAsync("POL");
        var social = await IssueAsync("CSC");

        await page.GotoAsync(police.Url);
        run.Allow(404, "/agency/cases/LNK-2"); // another agency's case, and below the broken links: meant to be 404
        var foreign = await page.GotoAsync("/agency/cases/LNK-2");
        Assert.Equal(404, foreign!.Status);
        Assert.Equal("Page not found", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.DoesNotContain("LNK-2", await page.Locator("main").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "not-found");

        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/links/{police.Id}/revoke", new { })).StatusCode);
        await page.GotoAsync("/agency");
        Assert.EndsWith("/links/ended", new Uri(page.Url).AbsolutePath);
        Assert.Contains("ask the partnership's audit coordinator for a new one", await page.Locator("main").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "link-ended");

        run.Allow(404, Access.AccessWorld.Tamper(social.Url));
        run.Allow(404, social.Url);
        var tampered = await page.GotoAsync(Access.AccessWorld.Tamper(social.Url));
        Assert.Equal(404, tampered!.Status);
        Assert.Contains("This link does not work", await page.Locator("main").InnerTextAsync());

        await api.AdvanceToAsync((await api.NowAsync()).AddDays(31)); // past the links' 30 days
        var expired = await page.GotoAsync(social.Url);
        Assert.Equal(404, expired!.Status);
        Assert.Contains("Ask the partnership's audit coordinator for a new one", await page.Locator("main").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "link-expired");
    }
}
