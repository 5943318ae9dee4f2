using System.Net;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Calendar;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>The list of audit cycles: its start dates and audit types, newest first, 25 a page, filters kept.</summary>
[Collection(AppCollection.Name)]
public sealed class CyclesListPagingTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task TheCyclesListShowsStartDatesNewestFirstTwentyFiveAPageAndKeepsItsFiltersAcrossPages()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("paging", ["CSC", "POL"], "Neglect", "Self harm");
        var started = new List<(string Id, DateOnly On, string Theme)>();
        for (var i = 0; i < 30; i++)
        {
            var at = Uk(2029, 10, 1, 10).AddDays(i);
            await api.AdvanceToAsync(at);
            var theme = i % 10 == 9 ? "Self harm" : "Neglect";
            var id = await api.StartAsync(new
            {
                partnershipId = "paging", theme, auditType = i % 2 == 0 ? "InDepth" : "Desktop",
                agencyCodes = new[] { "CSC", "POL" }, targetCases = 2,
            });
            started.Add((id, WorkingCalendar.UkDate(at), theme));
        }
        var newestFirst = started.AsEnumerable().Reverse().ToList();
        var coordinator = app.CreateCoordinatorClient();

        var first = await PageAsync(await coordinator.GetAsync("/cycles"));
        Assert.Equal(["Theme", "Started", "Audit type", "Phase", "Status", "Next deadline", "Action plan"],
            first.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()));
        var rows = first.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(25, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Contains(newestFirst[i].Id, rows[i]);
            Assert.Contains(WorkingCalendar.FormatDate(newestFirst[i].On), rows[i]);
            Assert.Contains(i % 2 == 0 ? "Desktop" : "In-depth", rows[i]); // the newest (i = 29) is a desktop audit
        }
        Assert.Contains("30 cycles", first.QuerySelector("caption")!.TextContent);
        Assert.Equal("1", first.QuerySelector(".govuk-pagination [aria-current=page]")!.TextContent.Trim());
        Assert.Equal("/cycles?page=2", first.QuerySelector(".govuk-pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("form input[name=page]")); // so applying a filter starts at page 1

        var second = await PageAsync(await coordinator.GetAsync("/cycles?page=2"));
        Assert.Equal(newestFirst.Skip(25).Select(c => c.Id), CycleIds(second));
        Assert.Equal("/cycles?page=1", second.QuerySelector(".govuk-pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector(".govuk-pagination a[rel=next]"));

        // The page links carry the filters: 27 neglect audits are 25 and then 2.
        var neglect = await PageAsync(await coordinator.GetAsync("/cycles?theme=Neglect"));
        var next = neglect.QuerySelector(".govuk-pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/cycles?theme=Neglect&page=2", next);
        var neglectTwo = await PageAsync(await coordinator.GetAsync(next));
        Assert.Equal(newestFirst.Where(c => c.Theme == "Neglect").Skip(25).Select(c => c.Id), CycleIds(neglectTwo));
        Assert.Equal("selected", neglectTwo.QuerySelector("#theme option[value=Neglect]")!.GetAttribute("selected"));

        // A page past either end is clamped; one that is not a number is a bad request, never an error.
        async Task<int> RowsOn(string url) => (await PageAsync(await coordinator.GetAsync(url)))
            .QuerySelectorAll("tbody tr").Length;
        Assert.Equal(5, await RowsOn("/cycles?page=99"));
        Assert.Equal(25, await RowsOn("/cycles?page=-3"));
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync("/cycles?page=two")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync("/cycles?page=99999999999")).StatusCode);
    }

    private static IEnumerable<string> CycleIds(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr a.govuk-link").Select(a => a.GetAttribute("href")!["/cycles/".Length..]);
}
