using AngleSharp.Html.Dom;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Pages;

/// <summary>
/// The coordinator runs the rest of a cycle from the pages: the meeting, findings and recommendations, the learning
/// summary, the action plan; the action owner reports from their link; the cycle closes when the action is verified.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AfterSubmissionsPagesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task FromTheMeetingToTheClosedCycleEverythingIsDoneFromThePages()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("after", ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = "after", theme = "Neglect", auditType = "InDepth", agencyCodes = new[] { "CSC", "POL" }, targetCases = 1 });
        await api.ChooseCasesAsync(id, ("AFT-1", ["CSC", "POL"]));
        await api.SubmitAsync(id, "CSC", "AFT-1");
        await api.SubmitAsync(id, "POL", "AFT-1");
        var desk = app.CreateCoordinatorClient(followRedirects: false);
        var url = $"/cycles/{id}";

        // The meeting: two times proposed, a mistake named, the poll answered, the best time booked, then moved.
        var meeting = await PageAsync(await desk.GetAsync($"{url}/meeting"));
        var missingEnd = await PostAndFollowAsync(desk, $"{url}/meeting?handler=Propose", Form(meeting, [.. Slot("slot1", 2029, 11, 20, "10:00", ""),
            .. Slot("slot2", 2029, 11, 21, "14:00", "16:00"), ("location", "Room 4, Civic Centre")]));
        Assert.Equal("#slot1", missingEnd.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        var proposed = await PostAndFollowAsync(desk, $"{url}/meeting?handler=Propose", Form(meeting, [.. Slot("slot1", 2029, 11, 20, "10:00", "12:00"),
            .. Slot("slot2", 2029, 11, 21, "14:00", "16:00"), ("location", "Room 4, Civic Centre")]));
        Assert.Contains("No answer yet", proposed.QuerySelector("#availability")!.TextContent);
        // Police has not answered yet (everyone answering would book the best time on its own); the coordinator books anyway.
        await api.RaiseAsync(id, "GiveAvailability", new { agencyCode = "CSC", slots = new Dictionary<string, bool> { ["S1"] = false, ["S2"] = true } });
        var grid = await PageAsync(await desk.GetAsync($"{url}/meeting"));
        Assert.Matches(@"Can attend\s+0 of 2\s+1 of 2", grid.QuerySelector("#availability")!.TextContent);
        var booked = await PostAndFollowAsync(desk, $"{url}/meeting?handler=Book", Form(grid, ("slotId", "S2")));
        Assert.Contains("Wednesday 21 November 2029 at 14:00", booked.QuerySelector("#booked")!.TextContent);
        var moved = await PostAndFollowAsync(desk, $"{url}/meeting?handler=Reschedule", Form(booked, [.. Slot("new", 2029, 11, 22, "09:30", "11:30")]));
        Assert.Contains("Thursday 22 November 2029 at 09:30", moved.QuerySelector("#booked")!.TextContent);
        await api.AdvanceToAsync(Uk(2029, 11, 22, 12));
        await PostAndFollowAsync(desk, $"{url}/meeting?handler=Held", Form(moved));

        // Findings: a theme shown by its name, never its code.
        var caseForm = await PageAsync(await desk.GetAsync($"{url}/findings/AFT-1"));
        var untagged = await PostAndFollowAsync(desk, $"{url}/findings/AFT-1", Form(caseForm, ("strengths", "Swift strategy meeting"),
            ("FindingTexts[0]", "No contingency plan when the child moved school"), ("grade-CSC", "Good"), ("grade-POL", "RequiresImprovement")));
        Assert.Equal("#themes-0", untagged.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        var findings = await PostAndFollowAsync(desk, $"{url}/findings/AFT-1", Form(caseForm, ("strengths", "Swift strategy meeting"),
            ("FindingTexts[0]", "No contingency plan when the child moved school"), ("themes-0", "CON"), ("grade-CSC", "Good"), ("grade-POL", "RequiresImprovement"),
            ("assurance", "NotSufficientlyAssured")));
        Assert.Contains("Not sufficiently assured", findings.QuerySelector(".govuk-summary-card")!.TextContent);
        Assert.Contains("Contingency and transition planning", findings.QuerySelector(".govuk-summary-card")!.TextContent);
        Assert.DoesNotContain(">CON<", findings.DocumentElement.OuterHtml);
        var recommended = await PostAndFollowAsync(desk, $"{url}/findings?handler=Recommend", Form(findings,
            ("text", "Agree a transition checklist for school moves"), ("category", "Policy and procedure")));
        Assert.Contains("transition checklist", recommended.QuerySelector("#recommendations")!.TextContent);
        var summary = await PostAndFollowAsync(desk, $"{url}/findings?handler=Complete", Form(recommended));

        // The learning summary: draft, review, approve, publish.
        summary = await PostAndFollowAsync(desk, $"{url}/summary?handler=Draft", Form(summary, ("process", "One case, two agencies, one meeting."),
            ("goodPractice", "Quick strategy meetings."), ("resources", "The local transition protocol."), ("questions", "Who else knows this child?\nWhat happens at the next move?")));
        foreach (var step in new[] { "Review", "Approve" }) summary = await PostAndFollowAsync(desk, $"{url}/summary?handler={step}", Form(summary));
        Assert.Contains("Approved", summary.QuerySelector("#workflow")!.TextContent);
        var actions = await PostAndFollowAsync(desk, $"{url}/summary?handler=Publish", Form(summary));

        // The action plan, and the owner's report with evidence from their link.
        actions = await PostAndFollowAsync(desk, $"{url}/actions?handler=Add", Form(actions, ("recommendationId", "R1"), ("agencyCode", "CSC"),
            ("description", "Write and share the checklist"), ("successMeasure", "Used at every school move"), ("dueDate-day", "28"), ("dueDate-month", "2"), ("dueDate-year", "2030")));
        var refused = await PostAndFollowAsync(desk, $"{url}/actions?handler=Agree", Form(actions));
        Assert.Contains("Case AFT-1 is not sufficiently assured", refused.QuerySelector(".govuk-error-summary")!.TextContent);
        actions = await PostAndFollowAsync(desk, $"{url}/actions?handler=Add", Form(refused, ("recommendationId", ""), ("caseRef", "AFT-1"),
            ("agencyCode", "QA-GROUP"), ("description", "Re-audit the case file"), ("successMeasure", "Re-audit shows a contingency plan"),
            ("dueDate-day", "29"), ("dueDate-month", "3"), ("dueDate-year", "2030")));
        Assert.Contains("Quality assurance group", actions.QuerySelector("#actions")!.TextContent);
        actions = await PostAndFollowAsync(desk, $"{url}/actions?handler=Agree", Form(actions));
        Assert.Contains("Green: on track", actions.QuerySelector("#actions")!.TextContent);

        var owner = (await api.AgencyAsync(id, "CSC", "Actions", app.CreateClient)).Http;
        var list = await PageAsync(await owner.GetAsync("/agency"));
        Assert.Contains("Action A1", list.QuerySelector(".govuk-task-list")!.TextContent);
        var form = await PageAsync(await owner.GetAsync("/agency/actions/A1"));
        var progress = new MultipartFormDataContent
        {
            { new StringContent(Token(form)), "__RequestVerificationToken" }, { new StringContent("progress"), "action" },
            { new StringContent("Checklist drafted and shared with schools"), "note" }, { new ByteArrayContent(TestFiles.Docx("Checklist")), "evidence", "checklist.docx" },
        };
        Assert.Contains("update on action A1 is recorded", (await PageAsync(await owner.PostAsync("/agency/actions/A1", progress))).QuerySelector(".govuk-notification-banner")!.TextContent);
        form = await PageAsync(await owner.GetAsync("/agency/actions/A1"));
        var complete = new MultipartFormDataContent { { new StringContent(Token(form)), "__RequestVerificationToken" }, { new StringContent("complete"), "action" } };
        await owner.PostAsync("/agency/actions/A1", complete);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await owner.GetAsync("/agency/actions/A9")).StatusCode);

        actions = await PageAsync(await desk.GetAsync($"{url}/actions"));
        Assert.Contains("Download checklist.docx", actions.QuerySelector("#actions")!.TextContent);
        await api.RaiseAsync(id, "CompleteAction", new { actionId = "A2", agencyCode = "QA-GROUP", note = "Re-audit done" });
        await api.RaiseAsync(id, "VerifyAction", new { actionId = "A2" });
        var verified = await PostAndFollowAsync(desk, $"{url}/actions?handler=Verify", Form(actions, ("actionId", "A1")));
        Assert.Contains("Verified", verified.QuerySelector("#actions")!.TextContent);
        Assert.Equal("Closed", (await api.StatusAsync(id))["customStatus"]!["phase"]!.GetValue<string>());
    }

    private static (string, string)[] Slot(string field, int y, int m, int d, string start, string end) =>
        [($"{field}-day", d.ToString()), ($"{field}-month", m.ToString()), ($"{field}-year", y.ToString()), ($"{field}-start", start), ($"{field}-end", end)];
}
