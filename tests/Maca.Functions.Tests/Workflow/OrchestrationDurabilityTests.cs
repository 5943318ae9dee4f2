using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Workflow;

/// <summary>
/// The app killed (SIGKILL, no shutdown) while its cycles wait on a command and on a timer, and the timer comes due
/// while it is down: started again with the same worker id, every cycle carries on, the timer fires, its emails go
/// out and none is lost, and a new command is decided.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OrchestrationDurabilityTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly string[] Agencies = ["CSC", "POL"];

    [Fact]
    public async Task AKilledAppCarriesOnWithEveryCycleAndFiresTheTimerThatCameDueWhileItWasDown()
    {
        var settings = MacaAppFactoryExtensions.ChildProcessSettings(azurite, maildev);
        settings["Durable:WorkerId"] = "durability-" + settings["Storage:NamePrefix"];

        var first = await AppProcess.StartAsync(settings);
        var api = new CycleClient(first.Http);
        await api.SeedPartnershipAsync("wf-kill", Agencies, "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add(await api.StartAsync(new
            {
                partnershipId = "wf-kill", theme = "Neglect", auditType = "Desktop", agencyCodes = Agencies,
                targetCases = 1,
            }));
        foreach (var id in ids) await api.SettledAsync(id);
        // Bring the cycles' next due step (the same for all three) to a few seconds from now, then kill the app.
        var due = (await api.StatusAsync(ids[0]))["customStatus"]!["nextWakeUp"]!.GetValue<DateTimeOffset>();
        await api.AdvanceToAsync(due - TimeSpan.FromSeconds(6));
        var fireAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(6);
        first.Dispose();
        // Durable timers run on real time: wait, with the app down, until the timer's moment has passed.
        await Poll.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow > fireAt + TimeSpan.FromSeconds(1)),
            EngineClients.Patience, () => "The clock did not pass the timer's moment.");

        using var second = await AppProcess.StartAsync(settings);
        var again = new CycleClient(second.Http);
        foreach (var id in ids)
            await Poll.UntilAsync(async () => (await again.StatusAsync(id, history: true))["historyEvents"]!.AsArray()
                    .Any(e => Type(e) == "StepFired"),
                EngineClients.Patience, () => $"No step of {id} fired after the restart.");

        await again.NominateAsync(ids[0], "CSC", "KILL-1", "Under 1", "Male", "White", false, "CSC");
        foreach (var id in ids)
        {
            await again.SettledAsync(id);
            var history = (await again.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
            Assert.Single(history, e => Type(e) == "CycleStarted");
            var sent = history.Count(e => Type(e) == "EmailSent");
            Assert.True(sent > Agencies.Length, $"{id} sent only {sent} emails: the timer's did not go.");
            Assert.Equal(sent, (await maildev.ForCycleAsync(id)).Count); // none lost, none twice
        }
        Assert.Single((await again.StatusAsync(ids[0], history: true))["historyEvents"]!.AsArray(),
            e => Type(e) == "CaseNominated");
    }

    private static string Type(JsonNode? e) => e!["eventType"]!.GetValue<string>();
}
