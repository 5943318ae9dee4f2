using System.Net;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Privacy;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>The learning summary in Word and as a web page, generated from the cycle's findings, each Word version stored once.</summary>
[Collection(AppCollection.Name)]
public sealed class LearningSummaryOutputTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    internal static async Task<string> DraftedAsync(CycleClient api, string partnership)
    {
        await api.SeedPartnershipAsync(partnership, ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = partnership, theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 1 });
        await api.ChooseCasesAsync(id, ("LS-2029-01", ["CSC", "POL"]));
        await api.SubmitAsync(id, "CSC", "LS-2029-01");
        await api.SubmitAsync(id, "POL", "LS-2029-01");
        await api.RaiseAsync(id, "RecordCaseFindings", new
        {
            caseRef = "LS-2029-01", strengths = new[] { "Police shared the incident log the same day" },
            findings = new[] { new { text = "Nobody spoke to the father", themes = new[] { "FAM" } } },
            gradings = new Dictionary<string, string> { ["CSC"] = "Good", ["POL"] = "Good" },
        });
        await api.RaiseAsync(id, "AddRecommendation", new { text = "Record fathers' details at first contact", category = "Recording of information" });
        await api.RaiseAsync(id, "CompleteFindings");
        await api.RaiseAsync(id, "DraftLearningSummary", new
        {
            content = new
            {
                process = "One case, two agencies, reviewed on paper.", goodPractice = "Same-day sharing.", resources = "The local guidance on fathers.",
                reflectiveQuestions = new[] { "Who else lives in the home?" }, whyThisTheme = "Neglect featured in three reviews last year.",
            },
        });
        return id;
    }

    /// <summary>A drafted cycle carried on to its agreed plan: one action, A1, owned by CSC.</summary>
    internal static async Task<string> FollowingUpActionsAsync(CycleClient api, string partnership)
    {
        var id = await DraftedAsync(api, partnership);
        foreach (var step in new[] { "SubmitSummaryForReview", "ApproveSummary", "PublishSummary" }) await api.RaiseAsync(id, step);
        await api.RaiseAsync(id, "AddAction", new
        {
            recommendationId = "R1", agencyCode = "CSC", description = "Add the field", dueDate = "2030-02-28",
            successMeasure = "Live",
        });
        await api.RaiseAsync(id, "AgreeActionPlan");
        return id;
    }

    [Fact]
    public async Task TheWordVersionHasRealHeadingsTheCaseSectionsAndNoIdentifierAndIsStoredOnce()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var id = await DraftedAsync(api, "lsword");
        var desk = app.CreateCoordinatorClient(followRedirects: false);

        var response = await desk.GetAsync($"/cycles/{id}/summary?handler=Word");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("neglect-learning-summary-v1.docx", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // Kept in the test output (never committed) so it can be opened by hand, e.g. libreoffice --headless --convert-to pdf.
        System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "documents"));
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "documents", "learning-summary.docx"), bytes);

        using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
                .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList();
            Assert.Equal(["The theme and why it was chosen", "How the audit was done", "Strengths", "Findings", "Recommendations",
                "Good practice and resources", "Questions to ask yourself"], paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text));
            Assert.Equal(["Case LS-2029-01", "Case LS-2029-01", "Recording of information"], paragraphs.Where(p => p.Style == "Heading2").Select(p => p.Text));
            Assert.Contains(paragraphs, p => p.Style == "ListBullet" && p.Text == "R1: Record fathers' details at first contact");
            Assert.Contains(paragraphs, p => p.Text.Contains("Fathers and wider family"));
            Assert.All(paragraphs, p => Assert.Null(IdentifierGuard.TextProblem(p.Text)));
            var heading1 = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Heading1");
            Assert.Equal(0, heading1.StyleParagraphProperties!.OutlineLevel!.Val!.Value); // the navigation pane lists it
            Assert.Equal("Neglect: learning from a multi-agency case audit", word.PackageProperties.Title);
        }

        var again = await desk.GetAsync($"/cycles/{id}/summary?handler=Word");
        Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync()); // unchanged content: the stored version, not a new one
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray()
            .Where(e => e!["eventType"]!.GetValue<string>() == "LearningSummaryVersionStored").ToList();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), Assert.Single(history)!["data"]!["sha256"]!.GetValue<string>());
        Assert.StartsWith("coordinator:", history[0]!["actor"]!.GetValue<string>());

        var page = await PageAsync(await desk.GetAsync($"/cycles/{id}/summary/read"));
        Assert.Equal(["The theme and why it was chosen", "How the audit was done", "Strengths", "Findings", "Recommendations",
            "Good practice and resources", "Questions to ask yourself"], page.QuerySelectorAll("h2.govuk-heading-l").Select(h => h.TextContent));
        Assert.Contains("Neglect featured in three reviews last year.", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ANameTheBoardKeepsOutIsReportedBySectionAndBlocksApproval()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var id = await DraftedAsync(api, "lsnames");
        var partnership = await api.OkJsonAsync(HttpMethod.Get, "/api/partnerships/lsnames");
        partnership.AsObject().Remove("id");
        partnership["namesToKeepOut"] = new System.Text.Json.Nodes.JsonArray("Same-day");
        await api.OkJsonAsync(HttpMethod.Put, "/api/partnerships/lsnames", partnership);
        await api.RaiseAsync(id, "SubmitSummaryForReview");

        var desk = app.CreateCoordinatorClient(followRedirects: false);
        var summary = await PageAsync(await desk.GetAsync($"/cycles/{id}/summary"));
        Assert.Contains("Good practice and resources", summary.QuerySelector("#identifiers")!.TextContent);
        var refused = await PageAsync(await desk.PostAsync($"/cycles/{id}/summary?handler=Approve", Form(summary)));
        Assert.StartsWith("Error: ", refused.Title);
        var overApi = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/ApproveSummary", new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overApi.StatusCode);
        Assert.Contains("Good practice and resources", await overApi.Content.ReadAsStringAsync());
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        Assert.DoesNotContain(history, e => e!["eventType"]!.GetValue<string>() == "LearningSummaryApproved");
    }
}
