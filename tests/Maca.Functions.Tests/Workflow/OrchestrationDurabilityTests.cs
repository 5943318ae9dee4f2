using Maca.Functions.Cycles;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Maca.Testing;
using Microsoft.DurableTask.Client;
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
        await using (var engine = EngineClients.For(sidecar))
        {
            var client = engine.GetRequiredService<DurableTaskClient>();
            await client.StartCycleAsync(EngineClients.Start(id, "wf-kill", "CSC", "POL"));
            var progress = await client.ProgressAsync(id, p => p.Phase == "Nominating");

            // Bring the next due step to a few seconds from now, then kill the app before it comes due.
            dueWhileDown = progress.NextDueAt!.Value;
            var offset = dueWhileDown - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(6);
            await client.SendAsync(id, new CycleRequest("clock", "system", null, offset));
            await client.ProgressAsync(id, p => p.Recent.Any(r => r.RequestId == "clock"));
            fireAt = dueWhileDown - offset;
        }
        first.Dispose();
        // Durable timers run on real time: wait, with the app down, until the timer's moment has passed.
        await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow > fireAt + TimeSpan.FromSeconds(1)),
            EngineClients.Patience, () => "The clock did not pass the timer's moment.");

        using var second = await AppProcess.StartAsync(settings);
        await using var restarted = EngineClients.For(sidecar);
        var again = restarted.GetRequiredService<DurableTaskClient>();
        var api = new CycleClient(second.Http);
        await Poll.UntilAsync(async () => (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray()
                .Any(e => e!["eventType"]!.GetValue<string>() == "StepFired"),
            EngineClients.Patience, () => $"No step of {id} fired after the restart.");

        await again.SendAsync(id, new CycleRequest("nominate", "agency:CSC",
            new NominateCase("CSC", "KILL-1", "Under 1", "Male", "White", false, ["CSC"], "Seen at nursery")));
        await again.ProgressAsync(id, p => p.Recent.Any(r => r.RequestId == "nominate" && r.Rejection is null));
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        Assert.Single(history, e => e!["eventType"]!.GetValue<string>() == "CycleStarted");
        Assert.Single(history, e => e!["eventType"]!.GetValue<string>() == "CaseNominated");
        await Poll.UntilAsync(async () => (await maildev.ForCycleAsync(id)).Count(e =>
            e.GetProperty("headers").GetProperty("x-maca-kind").GetString() == "NominationRequest") == 2,
            EngineClients.Patience, () => $"The nomination requests of {id} were not both sent, once each.");
    }
}
