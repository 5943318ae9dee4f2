using System.Net;
using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;
using static Maca.Functions.Tests.Pages.PageForms;

namespace Maca.Functions.Tests.Workflow;

/// <summary>
/// What a coordinator, an agency and an API caller see when the orchestrator has not yet decided their command.
/// To hold the orchestrator still, the tests suspend its Durable instance directly, as a busy engine would hold it,
/// while the recorded cycle still reads as running; the app is told to wait no time for an outcome.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CommandsInProgressTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly Dictionary<string, string?> NoWait = new() { ["Durable:CommandWait"] = "00:00:00" };

    [Fact]
    public async Task APageSaysBeingProcessedAndRefreshesUntilTheOrchestratorHasDecided()
    {
        await using var app = new MacaAppFactory(azurite, maildev, NoWait);
        var (api, id) = await NominatingAsync(app, "inprogress-page");
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        await api.NominateAsync(id, "CSC", "WAIT-1", "Under 1", "Male", "White", false, "CSC");
        await PhaseAsync(api, id, "Nominating", events: "CaseNominated");
        await engine.SuspendInstanceAsync(id, "held still by the test");

        var coordinator = app.CreateCoordinatorClient();
        var dashboard = await PageAsync(await coordinator.GetAsync($"/cycles/{id}"));
        var after = await PostAndFollowAsync(coordinator, $"/cycles/{id}?handler=CloseNominations", Form(dashboard));
        Assert.NotNull(after.QuerySelector("[data-testid=processing]"));
        Assert.NotNull(after.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Null(after.QuerySelector(".govuk-notification-banner--success")); // it does not say it is done

        await engine.ResumeInstanceAsync(id, "let go by the test");
        var settled = await Poll.UntilAsync(async () =>
        {
            var page = await PageAsync(await coordinator.GetAsync($"/cycles/{id}"));
            return (page.QuerySelector("[data-testid=processing]") is null, page);
        }, TimeSpan.FromSeconds(30), () => "The page still says the change is being processed.");
        Assert.Null(settled.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Equal("Selecting", (await api.StatusAsync(id))["customStatus"]!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACommandTheOrchestratorRefusesAfterItWasSentIsShownToTheSenderAndOnTheDashboard()
    {
        await using var app = new MacaAppFactory(azurite, maildev, NoWait);
        var (api, id) = await NominatingAsync(app, "inprogress-late");
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        await engine.SuspendInstanceAsync(id, "held still by the test");

        // Both are legal against what is recorded; by the time the second is decided, nominations have closed.
        var closed = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/CloseNominations", new { });
        Assert.Equal("pending",
            JsonNode.Parse(await closed.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        var nominated = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/NominateCase", new
        {
            agencyCode = "CSC", caseRef = "LATE-1", ageBand = "Under 1", gender = "Male", ethnicity = "White",
            disability = false, agenciesInvolved = new[] { "CSC" }, reason = "Seen at nursery",
        });
        Assert.Equal(HttpStatusCode.Accepted, nominated.StatusCode);
        var answer = JsonNode.Parse(await nominated.Content.ReadAsStringAsync())!;
        Assert.Equal("pending", answer["outcome"]!.GetValue<string>());
        await engine.ResumeInstanceAsync(id, "let go by the test");

        var late = await Poll.UntilAsync(async () =>
        {
            var refusals = (await api.StatusAsync(id))["lateRefusals"]!.AsArray();
            return (refusals.Count > 0, refusals);
        }, TimeSpan.FromSeconds(30), () => "The late refusal was not recorded.");
        var refusal = Assert.Single(late)!;
        Assert.Equal("NominateCase", refusal["command"]!.GetValue<string>());
        Assert.Equal($"coordinator:{TestAccess.CoordinatorEmail}", refusal["actor"]!.GetValue<string>());
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        Assert.DoesNotContain(history, e => e!["eventType"]!.GetValue<string>() == "CaseNominated");

        var dashboard = await PageAsync(await app.CreateCoordinatorClient().GetAsync($"/cycles/{id}"));
        var banner = dashboard.QuerySelector("[data-testid=late-refusals]")!.TextContent;
        Assert.Contains("Nominate case", banner);
        Assert.Contains(refusal["message"]!.GetValue<string>(), banner);
    }

    [Fact]
    public async Task TheSameCommandRaisedTwiceWithOneIdempotencyKeyBeforeItIsDecidedIsAppliedOnce()
    {
        await using var app = new MacaAppFactory(azurite, maildev, NoWait);
        var (api, id) = await NominatingAsync(app, "inprogress-twice");
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        await engine.SuspendInstanceAsync(id, "held still by the test");
        var body = new
        {
            agencyCode = "CSC", caseRef = "TWICE-1", ageBand = "Under 1", gender = "Male", ethnicity = "White",
            disability = false, agenciesInvolved = new[] { "CSC" }, reason = "Seen at nursery",
        };
        var path = $"/api/cycles/{id}/raiseEvent/NominateCase";
        foreach (var _ in new[] { 1, 2 })
            Assert.Equal(HttpStatusCode.Accepted,
                (await api.SendAsync(HttpMethod.Post, path, body, "twice-key")).StatusCode);
        await engine.ResumeInstanceAsync(id, "let go by the test");

        await PhaseAsync(api, id, "Nominating", events: "CaseNominated");
        var third = await api.SendAsync(HttpMethod.Post, path, body, "twice-key");
        Assert.True(JsonNode.Parse(await third.Content.ReadAsStringAsync())!["replayed"]!.GetValue<bool>());
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        Assert.Single(history, e => e!["eventType"]!.GetValue<string>() == "CaseNominated");
    }

    [Fact]
    public async Task AnUploadNotYetAttachedIsAcceptedWithItsIdAndAttachedOnceTheOrchestratorGetsToIt()
    {
        await using var app = new MacaAppFactory(azurite, maildev, NoWait);
        var (api, id) = await NominatingAsync(app, "inprogress-upload");
        // Each step waits for the last to be recorded: with no wait, the answers come before the outcomes.
        await api.NominateAsync(id, "CSC", "UP-1", "Under 1", "Male", "White", false, "CSC", "POL");
        await PhaseAsync(api, id, "Nominating", events: "CaseNominated");
        await api.RaiseAsync(id, "CloseNominations");
        await PhaseAsync(api, id, "Selecting");
        await api.RaiseAsync(id, "SelectCases",
            new { cases = new[] { new { caseRef = "UP-1", agenciesInScope = new[] { "CSC", "POL" } } } });
        await PhaseAsync(api, id, "AwaitingSubmissions");
        await api.SettledAsync(id);
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        await engine.SuspendInstanceAsync(id, "held still by the test");

        var uploaded = await api.UploadResponseAsync(id, "Chronology", TestFiles.Pdf(), "chronology.pdf", "CSC");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var answer = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
        Assert.Equal("pending", answer["outcome"]!.GetValue<string>());
        var documentId = answer["documentId"]!.GetValue<string>();

        await engine.ResumeInstanceAsync(id, "let go by the test");
        await PhaseAsync(api, id, "AwaitingSubmissions", events: "DocumentAttached");
        var download = await api.SendAsync(HttpMethod.Get, $"/api/cycles/{id}/documents/{documentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task ACycleWhoseStartIsNotYetRecordedCanBeFollowedAndACommandForItIsToldToTryAgain()
    {
        await using var app = new MacaAppFactory(azurite, maildev, NoWait);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("inprogress-start", ["CSC"], "Neglect");
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        // A start the engine has taken but not yet run, as a busy engine holds one: its orchestration is scheduled
        // an hour ahead, with the start request as its input.
        var id = "c-" + Guid.NewGuid().ToString("N")[..12];
        var start = new StartCycle(id, "inprogress-start", "Neglect", AuditType.Desktop,
            [new AgencyContact("CSC", "Children's social care", "lead@csc.example", "qa@csc.example", "head@csc.example")],
            1, new Timetable(), new PartnershipContacts("c@p.example", "m@p.example", "l@p.example"));
        var run = CycleRun.New(id) with { First = new CycleRequest("first", "coordinator", start) };
        await engine.ScheduleNewOrchestrationInstanceAsync(nameof(AuditCycleOrchestrator), run,
            new StartOrchestrationOptions(id, DateTimeOffset.UtcNow.AddHours(1)));

        var status = JsonNode.Parse(await (await api.SendAsync(HttpMethod.Get, $"/api/cycles/{id}")).Content
            .ReadAsStringAsync())!;
        Assert.Equal("Pending", status["runtimeStatus"]!.GetValue<string>());
        var early = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/CloseNominations", new { });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("still being set up", await early.Content.ReadAsStringAsync());
        // An id never started is still no cycle at all.
        var unknown = await api.SendAsync(HttpMethod.Post, "/api/cycles/c-000000000000/raiseEvent/CloseNominations",
            new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await engine.TerminateInstanceAsync(id, "the test is over");
    }

    private static async Task<(CycleClient Api, string Id)> NominatingAsync(MacaAppFactory app, string partnership)
    {
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync(partnership, ["CSC", "POL"], "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new
        {
            partnershipId = partnership, theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" },
            targetCases = 1,
        });
        await PhaseAsync(api, id, "Nominating");
        await api.SettledAsync(id);
        return (api, id);
    }

    /// <summary>Waits until the recorded cycle is in the phase (and has the event), as a page reads it.</summary>
    private static Task PhaseAsync(CycleClient api, string id, string phase, string? events = null) =>
        Poll.UntilAsync(async () =>
        {
            var status = await api.SendAsync(HttpMethod.Get, $"/api/cycles/{id}?showHistory=true");
            if (status.StatusCode != HttpStatusCode.OK) return false;
            var json = JsonNode.Parse(await status.Content.ReadAsStringAsync())!;
            return json["customStatus"]!["phase"]!.GetValue<string>() == phase && (events is null
                || json["historyEvents"]!.AsArray().Any(e => e!["eventType"]!.GetValue<string>() == events));
        }, TimeSpan.FromSeconds(30), () => $"Cycle {id} did not reach {phase}.");
}
