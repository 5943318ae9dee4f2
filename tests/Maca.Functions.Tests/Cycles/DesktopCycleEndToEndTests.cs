using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Cycles;

/// <summary>A desktop audit: documents only, so the cycle goes from submissions straight to findings with no meeting.</summary>
[Collection(AppCollection.Name)]
public sealed class DesktopCycleEndToEndTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task ADesktopAuditSkipsTheMeetingAndStillClosesThroughTheActionPlan()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        string[] agencies = ["CSC", "POL", "EDU"];
        await api.SeedPartnershipAsync("desk", agencies, "Neglect");
        await api.AdvanceToAsync(Uk(2029, 9, 3, 10));
        var id = await api.StartAsync(new { partnershipId = "desk", theme = "neglect", auditType = "Desktop", agencyCodes = agencies, targetCases = 2 });

        await api.NominateAsync(id, "CSC", "DESK-1", "Under 1", "Male", "White", false, "CSC", "POL");
        await api.NominateAsync(id, "EDU", "DESK-2", "5 to 10", "Female", "Not recorded", true, "EDU", "CSC");
        await api.RaiseAsync(id, "CloseNominations");
        await api.RaiseAsync(id, "SelectCases", new { cases = new[] { new { caseRef = "DESK-1", agenciesInScope = new[] { "CSC", "POL" } }, new { caseRef = "DESK-2", agenciesInScope = new[] { "CSC", "EDU" } } } });
        await api.SubmitAsync(id, "CSC", "DESK-1");
        await api.SubmitAsync(id, "CSC", "DESK-2");
        await api.SubmitAsync(id, "POL", "DESK-1");
        await api.SubmitAsync(id, "EDU", "DESK-2");

        var status = await api.StatusAsync(id);
        Assert.Equal("RecordingFindings", status["customStatus"]!["phase"]!.GetValue<string>());
        var slots = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/ProposeMeetingSlots",
            new { slots = new[] { new { start = Uk(2029, 9, 20, 10), end = Uk(2029, 9, 20, 12) }, new { start = Uk(2029, 9, 21, 10), end = Uk(2029, 9, 21, 12) } }, location = "Online" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, slots.StatusCode);

        foreach (var c in new[] { "DESK-1", "DESK-2" })
            await api.RaiseAsync(id, "RecordCaseFindings", new { caseRef = c, strengths = new[] { "Health visitor kept the family engaged" },
                findings = new[] { new { text = "Neglect was judged incident by incident", themes = new[] { "RSK", "DRF" } } }, gradings = new Dictionary<string, string>() });
        await api.RaiseAsync(id, "AddRecommendation", new { text = "Use the graded care profile at every review", category = "Policy and procedure" });
        await api.RaiseAsync(id, "CompleteFindings");
        await api.RaiseAsync(id, "DraftLearningSummary", new { content = new { process = "A desktop review of two cases.", goodPractice = "Persistent engagement.", resources = "Graded care profile.", reflectiveQuestions = new[] { "Do you look at the whole history?" } } });
        await api.RaiseAsync(id, "SubmitSummaryForReview");
        await api.RaiseAsync(id, "ApproveSummary");
        await api.RaiseAsync(id, "PublishSummary");
        await api.RaiseAsync(id, "AddAction", new { recommendationId = "R1", agencyCode = "CSC", description = "Refresh graded care profile training", dueDate = "2029-12-14", successMeasure = "Profiles used in 8 of 10 sampled cases" });
        await api.RaiseAsync(id, "AgreeActionPlan");
        await api.RaiseAsync(id, "CompleteAction", new { actionId = "A1", agencyCode = "CSC" });
        await api.RaiseAsync(id, "VerifyAction", new { actionId = "A1" });

        status = await api.StatusAsync(id, history: true);
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        var events = status["historyEvents"]!.AsArray().Select(e => e!["eventType"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain(events, e => e.StartsWith("Meeting", StringComparison.Ordinal));
        await api.DrainOutboxAsync(id);
        var kinds = (await maildev.ForCycleAsync(id)).Select(e => SentEmail.From(e).Kind).ToList();
        Assert.DoesNotContain(kinds, k => k.StartsWith("Meeting", StringComparison.Ordinal) || k.StartsWith("Availability", StringComparison.Ordinal));
        Assert.Contains("LearningSummaryPublished", kinds);
    }
}
