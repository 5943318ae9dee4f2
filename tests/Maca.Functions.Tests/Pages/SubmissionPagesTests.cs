using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Maca.Functions.Cycles;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Cycles;
using Microsoft.Extensions.DependencyInjection;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;

using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>An agency lead's submission through the pages: upload, audit tool, check answers, confirmation, not known.</summary>
[Collection(AppCollection.Name)]
public sealed class SubmissionPagesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly HtmlParser Parser = new();


    /// <summary>The case form as a browser sends it: multipart, with its anti-forgery token, a file and the answers.</summary>
    private static MultipartFormDataContent CaseForm(IHtmlDocument page, string action, (byte[] Bytes, string Name)? file, bool answerAll, bool skipGradeOne = false)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(PageForms.Token(page)), "__RequestVerificationToken" },
            { new StringContent(action), "action" },
        };
        if (page.QuerySelector("input[name=chronologyRef]")?.GetAttribute("value") is { } kept) form.Add(new StringContent(kept), "chronologyRef");
        if (file is { } f) form.Add(new ByteArrayContent(f.Bytes), "chronology", f.Name);
        for (var q = 1; q <= 11 && answerAll; q++)
        {
            if (!(skipGradeOne && q == 1)) form.Add(new StringContent("Good"), $"grade-{q}");
            if (q is 1 or 6 or 7 or 8) form.Add(new StringContent("yes"), $"yes-{q}");
            form.Add(new StringContent("Records show regular contact."), $"comment-{q}");
        }
        return form;
    }


    [Fact]
    public async Task ALeadUploadsAnswersChecksAndSubmitsAndDeclaresAnotherCaseNotKnown()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("subpages", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "subpages", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 });
        await api.ChooseCasesAsync(id, ("SUB-1", ["CSC", "POL"]), ("SUB-2", ["CSC", "POL"]));
        var police = (await api.AgencyAsync(id, "POL", "Submit", app.CreateClient)).Http;

        // Nothing chosen, and a PNG called .pdf: every problem is named, and nothing is stored or submitted.
        var blank = await PageAsync(await police.GetAsync("/agency/cases/SUB-1"));
        var forged = new MultipartFormDataContent { { new StringContent("check"), "action" }, { new ByteArrayContent(TestFiles.Pdf()), "chronology", "c.pdf" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsync("/agency/cases/SUB-1", forged)).StatusCode); // no anti-forgery token
        var wrong = await PageAsync(await police.PostAsync("/agency/cases/SUB-1", CaseForm(blank, "check", (TestFiles.Png(), "chronology.pdf"), answerAll: false)));
        Assert.StartsWith("Error: Case SUB-1", wrong.Title);
        var problems = wrong.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal("#chronology", problems[0]);
        Assert.Contains("#grade-1", problems);
        Assert.Contains("#yes-1", problems);
        Assert.Contains("#comment-11", problems);
        Assert.All(problems, href => Assert.NotNull(wrong.QuerySelector(href!)));
        Assert.Contains("must be a PDF or a Word document", wrong.QuerySelector("#chronology-error")!.TextContent);

        // Too large: refused with the same clear message pattern.
        var huge = await PageAsync(await police.PostAsync("/agency/cases/SUB-1", CaseForm(blank, "check", (TestFiles.OversizedPdf(), "big.pdf"), answerAll: true)));
        Assert.Contains("smaller than 25 MB", huge.QuerySelector("#chronology-error")!.TextContent);

        // A good file but one grade missing: the file is kept, so only the grade needs fixing.
        var missingGrade = await PageAsync(await police.PostAsync("/agency/cases/SUB-1",
            CaseForm(blank, "check", (TestFiles.Pdf(), "police chronology.pdf"), answerAll: true, skipGradeOne: true)));
        Assert.Equal(["#grade-1"], missingGrade.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Contains("police chronology.pdf", missingGrade.QuerySelector("#chronology-hint")!.TextContent);
        Assert.Equal("Outstanding", await SubmissionStatusAsync(app, id, "POL", "SUB-1"));

        var check = await PageAsync(await police.PostAsync("/agency/cases/SUB-1", CaseForm(missingGrade, "check", null, answerAll: true)));
        Assert.Equal("Check your answers for case SUB-1 - Maca", check.Title);
        Assert.Contains("police chronology.pdf", check.QuerySelector(".govuk-summary-list")!.TextContent);
        Assert.Equal("Draft", await SubmissionStatusAsync(app, id, "POL", "SUB-1"));

        var done = await PageAsync(await police.PostAsync("/agency/cases/SUB-1/check", Form(check)));
        Assert.Contains("Response sent", done.QuerySelector(".govuk-panel__title")!.TextContent);
        Assert.Contains("1 case to respond to", done.QuerySelector("main")!.TextContent);

        var notKnownForm = await PageAsync(await police.GetAsync("/agency/cases/SUB-2/not-known"));
        var emptyNote = await PageAsync(await police.PostAsync("/agency/cases/SUB-2/not-known", Form(notKnownForm, ("note", ""))));
        Assert.Equal("#note", emptyNote.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        var notKnown = await PageAsync(await police.PostAsync("/agency/cases/SUB-2/not-known", Form(emptyNote, ("note", "Searched the custody and intelligence systems"))));
        Assert.Contains("Recorded as not known", notKnown.QuerySelector(".govuk-panel__title")!.TextContent);

        Assert.Equal("Submitted", await SubmissionStatusAsync(app, id, "POL", "SUB-1"));
        Assert.Equal("NotKnown", await SubmissionStatusAsync(app, id, "POL", "SUB-2"));
        var grid = await PageAsync(await api.Http.GetAsync($"/cycles/{id}"));
        var policeColumn = grid.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(policeColumn, row => row.Contains("SUB-1") && row.Contains("Submitted"));
        Assert.Contains(policeColumn, row => row.Contains("SUB-2") && row.Contains("Not known"));

        // Another agency's case page, or a case outside the cycle, reveals nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync("/agency/cases/NOPE-9")).StatusCode);
    }

    [Fact]
    public async Task ALeadAsksForMoreTimeWithTheDateInput()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("extpages", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "extpages", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 1 });
        await api.ChooseCasesAsync(id, ("EXT-1", ["CSC", "POL"]));
        var police = (await api.AgencyAsync(id, "POL", "Submit", app.CreateClient)).Http;

        var form = await PageAsync(await police.GetAsync("/agency/extension"));
        var bad = await PageAsync(await police.PostAsync("/agency/extension", Form(form, ("newDeadline-day", "31"), ("newDeadline-month", "2"),
            ("newDeadline-year", "2030"), ("reason", ""))));
        Assert.Equal(["#newDeadline", "#reason"], bad.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Contains("must be a real date", bad.QuerySelector("#newDeadline-error")!.TextContent);
        var asked = await PageAsync(await police.PostAsync("/agency/extension", Form(bad, ("newDeadline-day", "14"), ("newDeadline-month", "1"),
            ("newDeadline-year", "2030"), ("reason", "Records are held off site"))));
        Assert.Contains("request for more time has been sent", asked.QuerySelector(".govuk-notification-banner")!.TextContent);
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        Assert.Equal("agency:POL", history.Single(e => e!["eventType"]!.GetValue<string>() == "ExtensionRequested")!["actor"]!.GetValue<string>());
    }

    /// <summary>Where the response stands, read from the cycle itself rather than from a page.</summary>
    private static async Task<string> SubmissionStatusAsync(MacaAppFactory app, string id, string agency, string caseRef) =>
        (await app.Services.GetRequiredService<CycleStore>().LoadAsync(id, CancellationToken.None)).State
            .Submissions[CycleState.SubmissionKey(agency, caseRef)].Status.ToString();
}
