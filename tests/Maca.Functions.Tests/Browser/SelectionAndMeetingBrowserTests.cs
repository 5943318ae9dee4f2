using System.Net;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.Playwright;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Browser;

/// <summary>
/// Journeys 5 and 6: a QA member nominates from their link, the coordinator selects the cases with the coverage
/// matrix; the agencies answer the availability poll and the coordinator books the meeting.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SelectionAndMeetingBrowserTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser)
{
    [Fact]
    public async Task AQaMemberNominatesTheCoordinatorSelectsTheAgenciesAnswerThePollAndTheMeetingIsBooked()
    {
        await using var run = await BrowserApp.StartAsync(azurite, maildev, browser, "selmeet", "InDepth");
        var (page, id, api) = (run.Page, run.CycleId, run.Api);
        await api.NominateAsync(id, "CSC", "SEL-1", "Under 1", "Male", "White", false, "CSC", "POL");

        // The QA member, in a browser of their own, from a nomination link.
        await using var qaContext = await run.NewContextAsync();
        var qa = await qaContext.NewPageAsync();
        await qa.GotoAsync(await LinkAsync(api, id, "POL", "Nominate"));
        await qa.GetByRole(AriaRole.Button, new() { Name = "Nominate a case" }).ClickAsync();
        Assert.Contains("pseudonymous", (await qa.Locator("main").InnerTextAsync()).ToLowerInvariant());
        await qa.GetByLabel("Case reference").FillAsync("SEL-2");
        await qa.GetByLabel("11 to 15").CheckAsync();
        await qa.GetByLabel("Female").CheckAsync();
        await qa.GetByLabel("Ethnicity").SelectOptionAsync("Not recorded");
        await qa.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await qa.GetByLabel("Agency CSC").CheckAsync();
        await qa.GetByLabel("Why would this case help the audit?").FillAsync("Missing episodes and school exclusion");
        await qa.GetByRole(AriaRole.Button, new() { Name = "Nominate case" }).ClickAsync();
        Assert.Contains("SEL-2 is nominated", await qa.Locator(".govuk-notification-banner").InnerTextAsync());

        // The coordinator closes nominations and selects, with the coverage in view.
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync($"/cycles/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close nominations now" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose the cases" }).ClickAsync();
        Assert.Contains("What the suggestion covers", await page.Locator("main").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "selection");
        Assert.True(await page.Locator("input[name=selected][value=SEL-1]").IsCheckedAsync());
        Assert.True(await page.Locator("input[name=selected][value=SEL-2]").IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Select these cases" }).ClickAsync();
        await page.WaitForURLAsync($"**/cycles/{id}**");
        Assert.Contains("Waiting for submissions", await page.Locator(".govuk-summary-list").InnerTextAsync());

        foreach (var (agency, caseRef) in new[] { ("CSC", "SEL-1"), ("POL", "SEL-1"), ("CSC", "SEL-2") })
            await api.SubmitAsync(id, agency, caseRef);

        // The meeting: times proposed from the page.
        await page.GotoAsync($"/cycles/{id}/meeting");
        await PageChecks.AccessibleAsync(page, "meeting-propose");
        var now = await api.NowAsync();
        var first = Orchestrations.Calendar.WorkingCalendar.UkDate(now).AddDays(21);
        foreach (var (slot, day) in new[] { ("slot1", first), ("slot2", first.AddDays(1)) })
        {
            await page.Locator($"#{slot}").FillAsync(day.Day.ToString());
            await page.Locator($"#{slot}-month").FillAsync(day.Month.ToString());
            await page.Locator($"#{slot}-year").FillAsync(day.Year.ToString());
            await page.Locator($"#{slot}-start").FillAsync("10:00");
            await page.Locator($"#{slot}-end").FillAsync("12:00");
        }
        await page.GetByLabel("Where").FillAsync("Room 2, Town Hall");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the times" }).ClickAsync();
        Assert.Contains("No answer yet", await page.Locator("#availability").InnerTextAsync());

        // Police answers the poll from its link.
        await qa.GotoAsync(await LinkAsync(api, id, "POL", "Availability"));
        await qa.GetByRole(AriaRole.Button, new() { Name = "Give your availability" }).ClickAsync();
        await PageChecks.AccessibleAsync(qa, "availability");
        await qa.GetByLabel("I cannot attend").First.CheckAsync();
        await qa.GetByLabel("I can attend", new() { Exact = true }).Nth(1).CheckAsync();
        await qa.GetByRole(AriaRole.Button, new() { Name = "Send availability" }).ClickAsync();
        Assert.Contains("availability is recorded", await qa.Locator(".govuk-notification-banner").InnerTextAsync());

        await page.ReloadAsync();
        Assert.Contains("Cannot attend", await page.Locator("#availability").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "meeting-availability");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the time most can attend" }).ClickAsync();
        Assert.Contains($"{Orchestrations.Calendar.WorkingCalendar.FormatDate(first.AddDays(1))} at 10:00", await page.Locator("#booked").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "meeting-booked");
    }

    private static async Task<string> LinkAsync(CycleClient api, string id, string agency, string purpose) =>
        new Uri((await api.OkJsonAsync(HttpMethod.Post, $"/api/cycles/{id}/links", new { agencyCode = agency, purpose }, HttpStatusCode.Created))["url"]!
            .GetValue<string>()).PathAndQuery;
}
