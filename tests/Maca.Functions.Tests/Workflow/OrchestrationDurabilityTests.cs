using Maca.Functions.Cycles;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Maca.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Workflow;

/// <summary>
/// The app killed (SIGKILL, no shutdown) while a cycle's orchestration waits on a command and on a timer, and the
/// timer comes due while it is down: started again with the same worker id, the cycle carries on, the timer fires,
/// its email goes out, and a new command is decided.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OrchestrationDurabilityTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AKilledAppCarriesOnWithEveryCycleAndFiresTheTimerThatCameDueWhileItWasDown()
    {
        var sidecar = FreePort.Next();
        var settings = MacaAppFactoryExtensions.ChildProcessSettings(azurite, maildev);
        settings["Durable:SidecarPort"] = sidecar.ToString();
        settings["Durable:WorkerId"] = "durability-" + settings["Storage:NamePrefix"];
        var id = StartCycleRequest.NewCycleId("wf-kill", Guid.NewGuid().ToString("N"));

        var first = await AppProcess.StartAsync(settings);
        DateTimeOffset dueWhileDown, fireAt;
        await using (var engine = EngineClient(sidecar))
        {
            var client = engine.GetRequiredService<DurableTaskClient>();
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(AuditCycleOrchestrator), CycleRun.New(id),
                new StartOrchestrationOptions(id));
            await client.RaiseEventAsync(id, AuditCycleOrchestrator.CommandEvent, new CycleRequest("start", "coordinator:t", Start(id)));
            var progress = await ProgressAsync(client, id, p => p.Phase == "Nominating");

            // Bring the next due step to a few seconds from now, then kill the app before it comes due.
            dueWhileDown = progress.NextDueAt!.Value;
            var offset = dueWhileDown - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(6);
            await client.RaiseEventAsync(id, AuditCycleOrchestrator.CommandEvent, new CycleRequest("clock", "system", null, offset));
            await ProgressAsync(client, id, p => p.Recent.Any(r => r.RequestId == "clock"));
            fireAt = dueWhileDown - offset;
        }
        first.Dispose();
        // Durable timers run on real time: wait, with the app down, until the timer's moment has passed.
        await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow > fireAt + TimeSpan.FromSeconds(1)), Patience,
            () => "The clock did not pass the timer's moment.");

        using var second = await AppProcess.StartAsync(settings);
        await using var restarted = EngineClient(sidecar);
        var again = restarted.GetRequiredService<DurableTaskClient>();
        var api = new CycleClient(second.Http);
        await Poll.UntilAsync(async () => (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray()
            .Any(e => e!["eventType"]!.GetValue<string>() == "StepFired"), Patience, () => $"No step of {id} fired after the restart.");

        await again.RaiseEventAsync(id, AuditCycleOrchestrator.CommandEvent, new CycleRequest("nominate", "agency:CSC",
            new NominateCase("CSC", "KILL-1", "Under 1", "Male", "White", false, ["CSC"], "Seen at nursery")));
        await ProgressAsync(again, id, p => p.Recent.Any(r => r.RequestId == "nominate" && r.Rejection is null));
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        Assert.Single(history, e => e!["eventType"]!.GetValue<string>() == "CycleStarted");
        Assert.Single(history, e => e!["eventType"]!.GetValue<string>() == "CaseNominated");
        await Poll.UntilAsync(async () => (await maildev.ForCycleAsync(id)).Count(e =>
            e.GetProperty("headers").GetProperty("x-maca-kind").GetString() == "NominationRequest") == 2,
            Patience, () => $"The nomination requests of {id} were not both sent, once each.");
    }

    private static StartCycle Start(string id) => new(id, "wf-kill", "Neglect", AuditType.Desktop,
        [Agency("CSC"), Agency("POL")], 1, new Timetable(),
        new PartnershipContacts("c@wf-kill.example", "m@wf-kill.example", "l@wf-kill.example"));

    private static AgencyContact Agency(string code) => new(code, $"Agency {code}", $"lead@{code.ToLowerInvariant()}.example",
        $"qa@{code.ToLowerInvariant()}.example", $"senior@{code.ToLowerInvariant()}.example");

    /// <summary>A client of the app's engine from outside the process, as the Functions host's binding would be.</summary>
    private static ServiceProvider EngineClient(int sidecarPort)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<DataConverter>(new JsonDataConverter(CycleJson.Options));
        services.AddDurableTaskClient(client => client.UseGrpc($"http://127.0.0.1:{sidecarPort}"));
        return services.BuildServiceProvider();
    }

    private static Task<CycleProgress> ProgressAsync(DurableTaskClient client, string id, Func<CycleProgress, bool> done) =>
        Poll.UntilAsync(async () =>
        {
            var progress = (await client.GetInstanceAsync(id, getInputsAndOutputs: true))?.ReadCustomStatusAs<CycleProgress>();
            return (progress is not null && done(progress), progress!);
        }, Patience, () => $"The orchestration of {id} did not get there.");
}
