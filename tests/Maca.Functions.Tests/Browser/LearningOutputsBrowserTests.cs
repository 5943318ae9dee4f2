using Maca.Functions.Tests.Infrastructure;
using Maca.Functions.Tests.Pages;
using Microsoft.Playwright;

namespace Maca.Functions.Tests.Browser;

/// <summary>The learning summary pages and the composite action plan in a real browser, checked with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LearningOutputsBrowserTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser)
{
    [Fact]
    public async Task TheSummaryItsWebVersionAndTheCompositePlanAreAccessibleAndTheWordFileDownloads()
    {
        await using var run = await BrowserApp.StartAsync(azurite, maildev, browser, "outputs", "Desktop");
        var id = await LearningSummaryOutputTests.DraftedAsync(run.Api, "outputs2");
        var page = run.Page;
        await BrowserApp.SignInAsync(page);

        await page.GotoAsync($"/cycles/{id}/summary");
        await PageChecks.AccessibleAsync(page, "learning-summary");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download it as Word (.docx)" }).ClickAsync());
        Assert.Equal("neglect-learning-summary-v1.docx", download.SuggestedFilename);

        await page.GetByRole(AriaRole.Link, new() { Name = "Read the summary as a web page" }).ClickAsync();
        Assert.Equal("Neglect: learning from a multi-agency case audit", (await page.Locator("h1").InnerTextAsync()).Trim());
        await PageChecks.AccessibleAsync(page, "learning-summary-web");

        // Review, approve and publish by clicking; the learning and development contact reads it from their email's link.
        await page.GotoAsync($"/cycles/{id}/summary");
        foreach (var button in new[] { "Send for review", "Approve", "Publish" })
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        Assert.Contains("every agency lead has a link", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await using (var reader = await run.NewContextAsync())
        {
            var learning = await reader.NewPageAsync();
            var (_, link) = await maildev.EmailWithLinkAsync(id, "LearningSummaryPublished", "learning@outputs2.example");
            await learning.GotoAsync(new Uri(link).PathAndQuery);
            Assert.Equal("Neglect: learning from a multi-agency case audit", (await learning.Locator("h1").InnerTextAsync()).Trim());
            await PageChecks.AccessibleAsync(learning, "published-summary-from-link");
            var published = await learning.RunAndWaitForDownloadAsync(() =>
                learning.GetByRole(AriaRole.Link, new() { Name = "Download the learning summary in Word (version 1)" }).ClickAsync());
            Assert.Equal("neglect-learning-summary-v1.docx", published.SuggestedFilename);
        }
        await run.Api.RaiseAsync(id, "AddAction", new { recommendationId = "R1", agencyCode = "CSC", description = "Add the field", dueDate = "2030-02-28", successMeasure = "Live" });
        await run.Api.RaiseAsync(id, "AgreeActionPlan");
        await page.GotoAsync("/actions?partnership=outputs2");
        Assert.Contains("Agency CSC", await page.Locator("#plan").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "composite-action-plan");
        await page.GotoAsync("/learning?partnership=outputs2");
        Assert.Contains("Fathers and wider family", await page.Locator("#themes").InnerTextAsync());
        Assert.Equal("Learning themes raised in each audit", await page.Locator("svg title").TextContentAsync());
        await PageChecks.AccessibleAsync(page, "recurring-learning");
        var report = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the annual report (.docx)" }).ClickAsync());
        Assert.Equal("annual-report-2029.docx", report.SuggestedFilename);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open((await report.PathAsync())!, false))
        {
            var headings = word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Equal(["The audits run", "Key learning", "Themes that recur", "Were the actions done?",
                "Did learning come back after the actions were done?"], headings);
        }

        await page.GotoAsync("/actions?partnership=outputs2");
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export to Excel (.xlsx)" }).ClickAsync());
        Assert.Equal("action-plan-outputs2.xlsx", xlsx.SuggestedFilename);
    }
}
