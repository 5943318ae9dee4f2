using Maca.Functions.Cycles;
using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Engine;

/// <summary>
/// Invariants 3 and 4 with a real process and a real crash: the app dies at one point of a cycle (before a commit,
/// after a commit, after a timer fired, after an email was claimed, after it was sent), is started again on the same
/// storage, and the cycle carries on. No command is lost or doubled, every timer fires once, every email goes,
/// and only a crash between "sent" and "marked sent" may send one email twice.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Theory]
    [InlineData(CrashPoints.AfterWakeUpIndex, 3)]
    [InlineData(CrashPoints.AfterCommit, 4)]
    [InlineData(CrashPoints.AfterTimerCommit, 2)]
    [InlineData(CrashPoints.AfterEmailClaimed, 3)]
    [InlineData(CrashPoints.AfterEmailSent, 3)]
    public async Task ACrashAtAnyPointLosesNoCommandTimerOrEmail(string crashAt, int onHit)
    {
        var partnership = "crash-" + crashAt.ToLowerInvariant();
        var settings = MacaAppFactoryExtensions.ChildProcessSettings(azurite, maildev);
        settings["Sweep:EmailLease"] = "00:00:01";
        // One sender at a time, so the only email that can be mid-send at the crash is the one the crash point names.
        settings["Sweep:SendImmediately"] = "false";
        settings["Faults:CrashAt"] = crashAt;
        settings["Faults:CrashAfterHits"] = onHit.ToString();
        await using var app = new RestartingApp(settings);
        await app.StartAsync();
        await app.StepAsync(api => api.SeedPartnershipAsync(partnership, ["CSC", "POL"], "Neglect"));
        await app.AdvanceToAsync(Uk(2029, 11, 5, 10));

        string id = "";
        await app.StepAsync(async api => id = await api.StartAsync(
            new { partnershipId = partnership, theme = "Neglect", auditType = "InDepth", agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 }, "start"));
        await Command(app, id, "NominateCase", "n1", new { agencyCode = "CSC", caseRef = "CRASH-1", ageBand = "Under 1", gender = "Male", ethnicity = "White", disability = false, agenciesInvolved = new[] { "CSC", "POL" }, reason = "Bruising" });
        await Command(app, id, "NominateCase", "n2", new { agencyCode = "POL", caseRef = "CRASH-2", ageBand = "1 to 4", gender = "Female", ethnicity = "White", disability = false, agenciesInvolved = new[] { "POL", "CSC" }, reason = "Neglect concerns" });
        await Command(app, id, "CloseNominations", "close", new { });
        await Command(app, id, "SelectCases", "select", new { cases = new[] { new { caseRef = "CRASH-1", agenciesInScope = new[] { "CSC", "POL" } }, new { caseRef = "CRASH-2", agenciesInScope = new[] { "CSC", "POL" } } } });
        string polChronology = "", cscChronology = "";
        await app.StepAsync(async api => polChronology = await api.UploadAsync(id, "POL"));
        await app.StepAsync(async api => cscChronology = await api.UploadAsync(id, "CSC"));
        foreach (var c in new[] { "CRASH-1", "CRASH-2" })
            await Command(app, id, "SubmitAuditTool", $"pol-{c}", new { agencyCode = "POL", caseRef = c, chronologyRef = polChronology, answers = Answers() });

        // CSC never submits: its whole ladder runs (deadline Monday 3 December 2029), through any crash.
        await app.StepAsync(api => api.RunUntilAsync(id, Uk(2029, 12, 7, 10)));
        await app.AdvanceToAsync(Uk(2029, 12, 7, 10));
        foreach (var c in new[] { "CRASH-1", "CRASH-2" })
            await Command(app, id, "SubmitAuditTool", $"csc-{c}", new { agencyCode = "CSC", caseRef = c, chronologyRef = cscChronology, answers = Answers() });
        await app.StepAsync(api => api.DrainOutboxAsync(id));

        Assert.Equal(1, app.Restarts);
        var status = await app.Api.StatusAsync(id, history: true);
        Assert.Equal("SchedulingMeeting", status["customStatus"]!["phase"]!.GetValue<string>());
        var history = status["historyEvents"]!.AsArray().Select(e => e!).ToList();
        foreach (var once in new[] { "CycleStarted", "NominationsClosed", "CasesSelected", "SubmissionsClosed" })
            Assert.Single(history, e => e["eventType"]!.GetValue<string>() == once);
        Assert.Equal(4, history.Count(e => e["eventType"]!.GetValue<string>() == "AuditToolSubmitted"));
        var fired = history.Where(e => e["eventType"]!.GetValue<string>() == "StepFired").Select(e => e["data"]!["stepId"]!.GetValue<string>()).ToList();
        Assert.Equal(fired.Distinct().Count(), fired.Count);
        Assert.Equal(5, fired.Count(s => s.StartsWith("SubmissionChaser:CSC:", StringComparison.Ordinal)));

        var emails = await maildev.ForCycleAsync(id);
        var kinds = emails.Select(SentEmail.From).Select(e => $"{e.Kind}>{e.To}").Distinct().Order().ToList();
        Assert.Equal(new[]
        {
            $"NominationRequest>qa@csc.{partnership}.example", $"NominationRequest>qa@pol.{partnership}.example",
            $"SubmissionDueToday>lead@csc.{partnership}.example", $"SubmissionEscalation>manager@{partnership}.example,senior@csc.{partnership}.example",
            $"SubmissionOverdue>lead@csc.{partnership}.example", $"SubmissionReminder>lead@csc.{partnership}.example",
            $"SubmissionRequest>lead@csc.{partnership}.example", $"SubmissionRequest>lead@pol.{partnership}.example",
        }.Order(), kinds);
        var copies = emails.GroupBy(e => e.GetProperty("headers").GetProperty("message-id").GetString()).Select(g => g.Count()).ToList();
        Assert.Equal(9, copies.Count); // nine distinct emails, none missing
        // Only a crash between "sent" and "marked sent" sends one email twice; everywhere else nothing is doubled.
        Assert.Equal(crashAt == CrashPoints.AfterEmailSent ? 1 : 0, copies.Sum() - copies.Count);
    }

    private static Task Command(RestartingApp app, string id, string name, string key, object body) =>
        app.StepAsync(async api =>
        {
            var response = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/{name}", body, key);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{name}: {await response.Content.ReadAsStringAsync()}");
        });
}
