using System.Net;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Cycles;

/// <summary>
/// A whole in-depth self-harm audit through the HTTP API only, on real Azurite and maildev with the dev clock:
/// 6 agencies and 5 cases; Police submits late and gets every rung of its ladder; CAMHS knows 3 of the 5 cases;
/// Education gets an extension; the meeting moves once; one of 6 actions goes overdue and is escalated; the cycle closes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InDepthCycleEndToEndTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly string[] Agencies = ["CSC", "POL", "ACUTE", "CHS", "CAMHS", "EDU"];
    private static readonly string[] Cases = ["MACA-E2E-1", "MACA-E2E-2", "MACA-E2E-3", "MACA-E2E-4", "MACA-E2E-5"];
    private const string P = "e2e";

    private static string Lead(string a) => $"lead@{a.ToLowerInvariant()}.{P}.example";
    private static string Qa(string a) => $"qa@{a.ToLowerInvariant()}.{P}.example";
    private static string Senior(string a) => $"senior@{a.ToLowerInvariant()}.{P}.example";

    [Fact]
    public async Task ACompleteInDepthCycleChasesEscalatesMeetsLearnsAndCloses()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync(P, Agencies, "Self harm", "Neglect");

        // Phase 1–2: start on Monday 19 February 2029; nominations open at once.
        await api.AdvanceToAsync(Uk(2029, 2, 19, 10));
        var start = new { partnershipId = P, theme = "Self harm", auditType = "InDepth", agencyCodes = Agencies, targetCases = 5 };
        var id = await api.StartAsync(start, idempotencyKey: "e2e-start");
        Assert.Equal(id, await api.StartAsync(start, idempotencyKey: "e2e-start"));
        await AssertPhase(api, id, "Nominating", "Running");

        await api.AdvanceToAsync(Uk(2029, 2, 20, 10));
        await api.NominateAsync(id, "CSC", Cases[0], "11 to 15", "Female", "White", false, "CSC", "POL", "CAMHS");
        await api.NominateAsync(id, "POL", Cases[1], "16 to 17", "Male", "Mixed or multiple", false, "POL", "CSC");
        await api.NominateAsync(id, "ACUTE", Cases[2], "11 to 15", "Female", "Asian or Asian British", true, "ACUTE", "CAMHS", "EDU");
        await api.NominateAsync(id, "CHS", Cases[3], "5 to 10", "Male", "Black, Black British, Caribbean or African", false, "CHS", "EDU");
        await api.NominateAsync(id, "CAMHS", Cases[4], "16 to 17", "Non-binary", "White", false, "CAMHS", "CSC", "EDU");
        var suggestion = await api.OkJsonAsync(HttpMethod.Get, $"/api/cycles/{id}/selection/suggestion");
        Assert.Equal(5, suggestion["suggested"]!.AsArray().Count);

        // Education nominated nothing: its QA member is reminded on Thursday 1 March; nominations close Monday 5 March at 17:00.
        await api.RunUntilAsync(id, Uk(2029, 3, 5, 17));
        await AssertPhase(api, id, "Selecting", "Running");

        // Phase 3–4: selection on Tuesday 6 March; the deadline is 20 working days on, across Easter: Thursday 5 April.
        await api.AdvanceToAsync(Uk(2029, 3, 6, 10));
        await api.RaiseAsync(id, "SelectCases", new { cases = Cases.Select(c => new { caseRef = c, agenciesInScope = Agencies }) });
        var status = await AssertPhase(api, id, "AwaitingSubmissions", "Running");
        Assert.Equal(Uk(2029, 4, 5, 17), status["customStatus"]!["nextDeadline"]!["utc"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Thursday 5 April 2029 at 17:00", status["customStatus"]!["nextDeadline"]!["uk"]!.GetValue<string>());

        await api.AdvanceToAsync(Uk(2029, 3, 7, 10));
        await api.RaiseAsync(id, "RequestExtension", new { agencyCode = "EDU", newDeadline = "2029-04-19", reason = "School records are held off site" });
        await api.RaiseAsync(id, "GrantExtension", new { agencyCode = "EDU" });
        foreach (var agency in new[] { "CSC", "ACUTE", "CHS" })
            foreach (var c in Cases) await api.SubmitAsync(id, agency, c);
        foreach (var c in new[] { Cases[0], Cases[2], Cases[4] }) await api.SubmitAsync(id, "CAMHS", c);
        foreach (var c in new[] { Cases[1], Cases[3] })
            await api.RaiseAsync(id, "DeclareNotKnown", new { agencyCode = "CAMHS", caseRef = c, note = "No record found after a full search" });

        // Police is late: reminders 27 March and 3 April, due 5 April, overdue 6 April, escalated 10 April.
        await api.RunUntilAsync(id, Uk(2029, 4, 11, 10));
        status = await api.StatusAsync(id);
        Assert.Equal(5, status["customStatus"]!["outstanding"]!["POL"]!.GetValue<int>());
        Assert.Equal(0, status["customStatus"]!["outstanding"]!["CAMHS"]!.GetValue<int>());
        // Police's lead uses a magic link, as an agency lead would; the history names the agency from the link.
        var police = await api.AgencyAsync(id, "POL", "Submit", app.CreateClient);
        foreach (var c in Cases) await police.SubmitAsync(id, "POL", c);
        foreach (var c in Cases) await api.SubmitAsync(id, "EDU", c);
        await AssertPhase(api, id, "SchedulingMeeting", "Running");

        // Phase 6: three slots; everyone can make the second; it is booked, then moved once.
        await api.AdvanceToAsync(Uk(2029, 4, 12, 10));
        await api.RaiseAsync(id, "ProposeMeetingSlots", new
        {
            slots = new[] { new { start = Uk(2029, 4, 24, 10), end = Uk(2029, 4, 24, 12) }, new { start = Uk(2029, 4, 25, 14), end = Uk(2029, 4, 25, 16) },
                new { start = Uk(2029, 4, 26, 10), end = Uk(2029, 4, 26, 12) } },
            location = "Civic Centre, committee room 2",
        });
        await api.AdvanceToAsync(Uk(2029, 4, 13, 10));
        foreach (var agency in Agencies)
            await api.RaiseAsync(id, "GiveAvailability", new { agencyCode = agency, slots = new Dictionary<string, bool> { ["S1"] = agency != "POL", ["S2"] = true, ["S3"] = false } });
        status = await AssertPhase(api, id, "MeetingBooked", "Running");
        Assert.Equal(Uk(2029, 4, 25, 14), status["customStatus"]!["nextDeadline"]!["utc"]!.GetValue<DateTimeOffset>());
        await api.AdvanceToAsync(Uk(2029, 4, 16, 10));
        await api.RaiseAsync(id, "RescheduleMeeting", new { start = Uk(2029, 5, 1, 10), end = Uk(2029, 5, 1, 12) });
        await api.RunUntilAsync(id, Uk(2029, 5, 1, 12, 30));
        await api.RaiseAsync(id, "RecordMeetingHeld");

        // Phase 7–8: findings, recommendations, the learning summary.
        foreach (var c in Cases)
            await api.RaiseAsync(id, "RecordCaseFindings", new
            {
                caseRef = c, strengths = new[] { "Information was shared the same day" },
                findings = new[] { new { text = "The child was not seen on their own", themes = new[] { "VOC" } } },
                gradings = new Dictionary<string, string> { ["CSC"] = "RequiresImprovement", ["ACUTE"] = "Good" },
            });
        await api.RaiseAsync(id, "AddRecommendation", new { text = "Briefing on seeing children alone", category = "Training and awareness" });
        await api.RaiseAsync(id, "AddRecommendation", new { text = "Record every attendance at A&E in the child's own file", category = "Recording of information" });
        await api.RaiseAsync(id, "AddRecommendation", new { text = "Invite schools to strategy discussions", category = "Information sharing" });
        await api.RaiseAsync(id, "CompleteFindings");
        await api.AdvanceToAsync(Uk(2029, 5, 2, 10));
        await api.RaiseAsync(id, "DraftLearningSummary", new
        {
            content = new { process = "Six agencies reviewed five cases and met on 1 May.", goodPractice = "Same-day information sharing.",
                resources = "Local guidance on self-harm pathways.", reflectiveQuestions = new[] { "Do you make sure you see the child on their own?" } },
        });
        await api.RaiseAsync(id, "SubmitSummaryForReview");
        await api.RaiseAsync(id, "ApproveSummary");
        await api.RaiseAsync(id, "PublishSummary");
        await AssertPhase(api, id, "ActionPlanning", "Running");

        // Phase 9: six actions; the hospital's falls due 29 June and slips.
        await api.AdvanceToAsync(Uk(2029, 5, 3, 10));
        foreach (var (rec, agency, due) in new[] { ("R1", "CSC", "2029-08-31"), ("R1", "POL", "2029-08-31"), ("R2", "ACUTE", "2029-06-29"),
                     ("R2", "CHS", "2029-08-31"), ("R3", "CAMHS", "2029-08-31"), ("R3", "EDU", "2029-08-31") })
            await api.RaiseAsync(id, "AddAction", new { recommendationId = rec, agencyCode = agency, description = $"Action for {agency}", dueDate = due, successMeasure = "Audit of ten records shows the change" });
        await api.RaiseAsync(id, "AgreeActionPlan");
        Assert.Equal("Green", (await AssertPhase(api, id, "FollowingUpActions", "Running"))["customStatus"]!["rag"]!.GetValue<string>());

        await api.AdvanceToAsync(Uk(2029, 5, 14, 10));
        var evidence = await api.UploadAsync(id, "CSC", "Evidence", TestFiles.Docx("Briefing attendance"), "briefing attendance.docx");
        await api.RaiseAsync(id, "RecordActionProgress", new { actionId = "A1", agencyCode = "CSC", note = "Briefing delivered to all teams", evidenceRef = evidence });
        foreach (var (action, agency) in new[] { ("A1", "CSC"), ("A2", "POL"), ("A4", "CHS"), ("A5", "CAMHS"), ("A6", "EDU") })
        {
            await api.RaiseAsync(id, "CompleteAction", new { actionId = action, agencyCode = agency });
            await api.RaiseAsync(id, "VerifyAction", new { actionId = action });
        }
        await api.RunUntilAsync(id, Uk(2029, 6, 25, 10));
        Assert.Equal("Amber", (await api.StatusAsync(id))["customStatus"]!["rag"]!.GetValue<string>());
        await api.RunUntilAsync(id, Uk(2029, 7, 2, 10));
        Assert.Equal("Red", (await api.StatusAsync(id))["customStatus"]!["rag"]!.GetValue<string>());
        await api.RunUntilAsync(id, Uk(2029, 7, 9, 10));
        await api.RaiseAsync(id, "CompleteAction", new { actionId = "A3", agencyCode = "ACUTE" });
        await api.RaiseAsync(id, "VerifyAction", new { actionId = "A3" });
        status = await AssertPhase(api, id, "Closed", "Completed");
        Assert.Equal(6, status["output"]!["actionsVerified"]!.GetValue<int>());

        // Every email, exactly: kind, recipients, copy and the simulated day it went.
        await api.DrainOutboxAsync(id);
        var sent = await Poll.UntilAsync(async () =>
        {
            var emails = await maildev.ForCycleAsync(id);
            return (emails.Count >= ExpectedEmails().Count, emails);
        }, TimeSpan.FromSeconds(30), () => "Not every email reached maildev.");
        Assert.Equal(ExpectedEmails().OrderBy(e => e.ToString()).ToList(), sent.Select(SentEmail.From).OrderBy(e => e.ToString()).ToList());

        // The moved meeting's invitation is the same event with the next sequence.
        var update = sent.Single(e => SentEmail.From(e).Kind == "MeetingUpdate");
        var attachment = update.GetProperty("attachments")[0].GetProperty("generatedFileName").GetString()!;
        var ics = await maildev.AttachmentAsync(update.GetProperty("id").GetString()!, attachment);
        Assert.Contains($"UID:maca-{id}-meeting\r\n", ics);
        Assert.Contains("\r\nSEQUENCE:1\r\n", ics); // the whole line: the first change after the invitation
        Assert.Contains("METHOD:REQUEST\r\n", ics);
        Assert.Contains($"DTSTART:{Uk(2029, 5, 1, 10).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", ics);

        // The history is the audit trail: who did what, and every email's delivery.
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        Assert.Contains(history, e => e!["eventType"]!.GetValue<string>() == "AuditToolSubmitted" && e["actor"]!.GetValue<string>() == "agency:POL");
        Assert.Contains(history, e => e!["eventType"]!.GetValue<string>() == "CasesSelected" && e["actor"]!.GetValue<string>() == $"coordinator:{TestAccess.CoordinatorEmail}");
        Assert.Contains(history, e => e!["eventType"]!.GetValue<string>() == "StepFired" && e["actor"]!.GetValue<string>() == "system");
        Assert.Equal(ExpectedEmails().Count, history.Count(e => e!["eventType"]!.GetValue<string>() == "EmailSent"));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> AssertPhase(CycleClient api, string id, string phase, string runtimeStatus)
    {
        var status = await api.StatusAsync(id);
        Assert.Equal(phase, status["customStatus"]!["phase"]!.GetValue<string>());
        Assert.Equal(runtimeStatus, status["runtimeStatus"]!.GetValue<string>());
        return status;
    }

    private static List<SentEmail> ExpectedEmails()
    {
        var everyLead = string.Join(",", Agencies.Select(Lead).Append($"coordinator@{P}.example").Order());
        var expected = new List<SentEmail>();
        expected.AddRange(Agencies.Select(a => new SentEmail("NominationRequest", Qa(a), "", "2029-02-19")));
        expected.Add(new("NominationReminder", Qa("EDU"), "", "2029-03-01"));
        expected.AddRange(Agencies.Select(a => new SentEmail("SubmissionRequest", Lead(a), "", "2029-03-06")));
        expected.Add(new("ExtensionGranted", Lead("EDU"), "", "2029-03-07"));
        expected.Add(new("SubmissionReminder", Lead("POL"), "", "2029-03-27"));
        expected.Add(new("SubmissionReminder", Lead("POL"), "", "2029-04-03"));
        expected.Add(new("SubmissionDueToday", Lead("POL"), "", "2029-04-05"));
        expected.Add(new("SubmissionOverdue", Lead("POL"), Qa("POL"), "2029-04-06"));
        expected.Add(new("SubmissionEscalation", string.Join(",", new[] { Senior("POL"), $"manager@{P}.example" }.Order()), "", "2029-04-10"));
        expected.AddRange(Agencies.Select(a => new SentEmail("AvailabilityRequest", Lead(a), "", "2029-04-12")));
        expected.Add(new("MeetingInvitation", everyLead, "", "2029-04-13"));
        expected.Add(new("MeetingUpdate", everyLead, "", "2029-04-16"));
        expected.Add(new("MeetingPackReady", everyLead, "", "2029-04-26"));
        expected.Add(new("MeetingReminder", everyLead, "", "2029-04-30"));
        // One email per reader, each with its own read-only link.
        expected.AddRange(Agencies.Select(Lead).Append($"learning@{P}.example").Select(to => new SentEmail("LearningSummaryPublished", to, "", "2029-05-02")));
        expected.Add(new("ActionReminder", Lead("ACUTE"), "", "2029-06-22"));
        expected.Add(new("ActionDueToday", Lead("ACUTE"), "", "2029-06-29"));
        expected.Add(new("ActionEscalation", string.Join(",", new[] { Senior("ACUTE"), $"manager@{P}.example" }.Order()), "", "2029-07-06"));
        return expected;
    }
}
