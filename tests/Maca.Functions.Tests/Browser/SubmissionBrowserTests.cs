using System.Text.Json;
using System.Text.RegularExpressions;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Playwright;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Browser;

/// <summary>
/// Journeys 1, 2 and 7 in a real browser: the police lead opens the link in the actual email in maildev, gets every
/// mistake named (a PNG called .pdf, a file over 25 MB, a missing grade), submits one case and declares the other not
/// known; the coordinator sees the grid change, downloads the chronology and finds the download in the history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SubmissionBrowserTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser)
{
    [Fact]
    public async Task ALeadSubmitsFromTheEmailLinkAndTheCoordinatorDownloadsTheChronology()
    {
        await using var run = await BrowserApp.StartAsync(azurite, maildev, browser, "journey", "Desktop");
        var (page, id, api) = (run.Page, run.CycleId, run.Api);
        await api.ChooseCasesAsync(id, ("JNY-1", ["CSC", "POL"]), ("JNY-2", ["CSC", "POL"]));

        await page.GotoAsync(new Uri(await LinkInEmailAsync(id, "SubmissionRequest", "lead@pol.journey.example")).PathAndQuery);
        Assert.EndsWith("/agency", new Uri(page.Url).AbsolutePath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Case JNY-1" }).ClickAsync();
        await PageChecks.AccessibleAsync(page, "case-form");

        await page.Locator("#chronology").SetInputFilesAsync(new FilePayload { Name = "chronology.pdf", MimeType = "application/pdf", Buffer = TestFiles.Png() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Contains("must be a PDF or a Word document", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "case-form-errors");

        await page.Locator("#chronology").SetInputFilesAsync(new FilePayload { Name = "big.pdf", MimeType = "application/pdf", Buffer = TestFiles.OversizedPdf() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Contains("smaller than 25 MB", await page.Locator(".govuk-error-summary").InnerTextAsync());

        await page.Locator("#chronology").SetInputFilesAsync(new FilePayload { Name = "police chronology.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf() });
        for (var q = 1; q <= 11; q++)
        {
            if (q != 5) await page.Locator($"#grade-{q}-2").CheckAsync(); // Good; question 5 left ungraded on purpose
            if (q is 1 or 6 or 7 or 8) await page.Locator($"#yes-{q}").CheckAsync();
            await page.Locator($"#comment-{q}").FillAsync("Contact was recorded and reviewed by a supervisor.");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Equal("Choose a grade for question 5 (Risk assessment)", (await page.Locator(".govuk-error-summary__list").InnerTextAsync()).Trim());
        await page.Locator("#grade-5-2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Contains("police chronology.pdf", await page.Locator("main").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "check-answers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and send" }).ClickAsync();
        Assert.Contains("Response sent", await page.Locator(".govuk-panel").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "confirmation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your cases" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Case JNY-2" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "This child is not known to Agency POL" }).ClickAsync();
        await page.GetByLabel("Case JNY-2 is not known to Agency POL").FillAsync("Searched custody and intelligence records");
        await PageChecks.AccessibleAsync(page, "not-known");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm not known" }).ClickAsync();
        Assert.Contains("Recorded as not known", await page.Locator(".govuk-panel").InnerTextAsync());

        // The coordinator, in a browser of their own.
        await using var coordinator = await run.NewContextAsync();
        var desk = await coordinator.NewPageAsync();
        await BrowserApp.SignInAsync(desk);
        await desk.GotoAsync($"/cycles/{id}");
        var grid = await desk.Locator("table", new() { HasText = "JNY-1" }).First.InnerTextAsync();
        Assert.Matches(new Regex(@"JNY-1\s+Not started\s+Submitted"), grid);
        Assert.Matches(new Regex(@"JNY-2\s+Not started\s+Not known"), grid);

        await desk.GetByRole(AriaRole.Link, new() { Name = "View Agency POL's response for JNY-1" }).ClickAsync();
        await PageChecks.AccessibleAsync(desk, "submission-read-view");
        var download = await desk.RunAndWaitForDownloadAsync(() => desk.GetByRole(AriaRole.Link, new() { Name = "Download police chronology.pdf" }).ClickAsync());
        Assert.Equal("police chronology.pdf", download.SuggestedFilename);
        Assert.Equal(TestFiles.Pdf(), await File.ReadAllBytesAsync((await download.PathAsync())!));

        await desk.GotoAsync($"/cycles/{id}");
        Assert.Contains("Document downloaded: police chronology.pdf from POL", await desk.Locator(".moj-timeline").InnerTextAsync());
        await PageChecks.AccessibleAsync(desk, "dashboard-after-submissions");
    }

    private async Task<string> LinkInEmailAsync(string cycleId, string kind, string to)
    {
        var (_, link) = await maildev.EmailWithLinkAsync(cycleId, kind, to);
        Assert.StartsWith("http://localhost:7071/links/", link); // App:PublicBaseUrl
        return link;
    }
}
