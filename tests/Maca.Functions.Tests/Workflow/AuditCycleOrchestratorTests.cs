using System.Text.Json;
using Maca.Functions.Cycles;
using Maca.Functions.Directory;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Nominations;
using Maca.Orchestrations.Workflow;
using Maca.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Workflow;

/// <summary>
/// A cycle driven by its Durable Task orchestration on the real engine (the Azure Storage provider on Azurite):
/// its timers fire, its decisions reach the pages' read model and its emails reach maildev, a request raised twice
/// is applied once, a refusal is told back, and a moved clock brings the next deadline forward.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuditCycleOrchestratorTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ACycleRunsOnItsOrchestrationFromStartToChoosingTheCases()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("wf-run", ["CSC", "POL"], "Neglect");
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var id = StartCycleRequest.NewCycleId("wf-run", Guid.NewGuid().ToString("N"));
        var start = await StartCommandAsync(app, id);

        await client.ScheduleNewOrchestrationInstanceAsync(nameof(AuditCycleOrchestrator),
            CycleRun.New(id) with { First = new CycleRequest("start", "coordinator:wf", start) },
            new StartOrchestrationOptions(id));

        // Nominations open on the start's own day: the orchestration's timer fires, and the requests are emailed.
        await PhaseAsync(api, client, id, "Nominating");
        await maildev.EmailWithLinkAsync(id, "NominationRequest", "qa@csc.wf-run.example");
        var nominate = new NominateCase("CSC", "WF-1", "Under 1", "Male", "White", false, ["CSC", "POL"],
            "Bruising seen at nursery");
        foreach (var _ in Enumerable.Range(0, 2))
            await client.RaiseEventAsync(id, AuditCycleOrchestrator.CommandEvent, new CycleRequest("nominate-1", "agency:CSC", nominate));
        await client.RaiseEventAsync(id, AuditCycleOrchestrator.CommandEvent,
            new CycleRequest("select-too-soon", "coordinator:wf", new SelectCases([new SelectedCase("WF-1", ["CSC"])])));

        var refused = await OutcomeAsync(client, id, "select-too-soon");
        Assert.Equal(RejectionKind.WrongPhase, refused.Rejection?.Kind);
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        Assert.Single(history, e => e!["eventType"]!.GetValue<string>() == "CaseNominated");
        Assert.Contains(history, e => e!["eventType"]!.GetValue<string>() == "CaseNominated"
            && e["actor"]!.GetValue<string>() == "agency:CSC");

        // The demo clock moved on three weeks: the nominations-close deadline has passed, and the cycle moves on.
        await client.RaiseEventAsync(id, AuditCycleOrchestrator.CommandEvent,
            new CycleRequest("clock-1", "system", null, TimeSpan.FromDays(21)));
        await PhaseAsync(api, client, id, "Selecting");
        var instance = await Poll.UntilAsync(async () =>
        {
            var found = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            return (found?.ReadCustomStatusAs<CycleProgress>()?.Phase == "Selecting", found!);
        }, Patience, () => $"The orchestration of {id} does not say Selecting.");
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance.RuntimeStatus);
    }

    private static async Task<StartCycle> StartCommandAsync(MacaAppFactory app, string id)
    {
        var request = new StartCycleRequest("wf-run", "Neglect", AuditType.Desktop, ["CSC", "POL"], 1);
        var (command, problems, _) = await request.ResolveAsync(id, app.Services.GetRequiredService<DirectoryStore>(), default);
        Assert.True(command is not null, JsonSerializer.Serialize(problems));
        return command!;
    }

    private static async Task PhaseAsync(CycleClient api, DurableTaskClient client, string id, string phase)
    {
        var seen = "nothing";
        await Poll.UntilAsync(async () =>
        {
            var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            seen = $"{instance?.RuntimeStatus} {instance?.SerializedCustomStatus} {instance?.FailureDetails?.ErrorMessage}";
            return (await api.SendAsync(HttpMethod.Get, $"/api/cycles/{id}")).IsSuccessStatusCode
                && (await api.StatusAsync(id))["customStatus"]!["phase"]!.GetValue<string>() == phase;
        }, Patience, () => $"Cycle {id} did not reach {phase}; its orchestration: {seen}.");
    }

    private static async Task<RequestOutcome> OutcomeAsync(DurableTaskClient client, string id, string requestId)
    {
        var seen = "nothing";
        return await Poll.UntilAsync(async () =>
        {
            var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            seen = $"{instance?.RuntimeStatus} {instance?.SerializedCustomStatus}";
            var outcome = instance?.ReadCustomStatusAs<CycleProgress>()?.Recent.FirstOrDefault(r => r.RequestId == requestId);
            return (outcome is not null, outcome!);
        }, Patience, () => $"Request {requestId} of cycle {id} has no outcome; its orchestration: {seen}.");
    }
}
