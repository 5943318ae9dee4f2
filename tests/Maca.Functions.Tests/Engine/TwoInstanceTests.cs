using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Engine;

/// <summary>
/// Invariant 5: two app processes on the same storage drive 20 cycles at once, with commands split between them and
/// both sweeping at every timer. No timer fires twice, no phase transition happens twice, no email goes twice.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TwoInstanceTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const int Cycles = 20;
    private const string P = "twins";

    [Fact]
    public async Task TwoInstancesDriveTwentyCyclesWithoutFiringSendingOrTransitioningTwice()
    {
        var settings = MacaAppFactoryExtensions.ChildProcessSettings(azurite, maildev);
        using var a = await AppProcess.StartAsync(settings);
        using var b = await AppProcess.StartAsync(settings);
        CycleClient[] apps = [new(a.Http), new(b.Http)];
        CycleClient On(int i) => apps[i % 2];
        async Task Both(Func<CycleClient, Task> step) => await Task.WhenAll(apps.Select(step));

        await apps[0].SeedPartnershipAsync(P, ["CSC", "POL"], "Neglect");
        await Both(api => api.AdvanceToAsync(Uk(2029, 11, 5, 10)));

        var ids = await Task.WhenAll(Enumerable.Range(0, Cycles).Select(async i =>
        {
            var id = await On(i).StartAsync(new { partnershipId = P, theme = "Neglect", auditType = "InDepth", agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 }, $"start-{i}");
            // Both nominations at once, one to each instance: they race on the same cycle.
            await Task.WhenAll(
                On(i).NominateAsync(id, "CSC", $"TWIN-{i}-A", "Under 1", "Male", "White", false, "CSC", "POL"),
                On(i + 1).NominateAsync(id, "POL", $"TWIN-{i}-B", "1 to 4", "Female", "White", false, "POL", "CSC"));
            return id;
        }));

        await RunAllUntilAsync(apps, ids, Uk(2029, 11, 20, 10)); // nominations close by timer on 19 November
        await Task.WhenAll(ids.Select(async (id, i) =>
        {
            await On(i).RaiseAsync(id, "SelectCases", new { cases = new[] { "A", "B" }.Select(x => new { caseRef = $"TWIN-{i}-{x}", agenciesInScope = new[] { "CSC", "POL" } }) });
            await Task.WhenAll(new[] { "A", "B" }.Select((x, j) => On(i + j).SubmitAsync(id, "POL", $"TWIN-{i}-{x}")));
        }));
        await RunAllUntilAsync(apps, ids, Uk(2029, 12, 24, 10)); // CSC's whole ladder runs
        await Task.WhenAll(ids.Select((id, i) => Task.WhenAll(new[] { "A", "B" }.Select((x, j) => On(i + j).SubmitAsync(id, "CSC", $"TWIN-{i}-{x}")))));
        foreach (var id in ids) await apps[0].DrainOutboxAsync(id);

        foreach (var id in ids)
        {
            var history = (await apps[1].StatusAsync(id, history: true))["historyEvents"]!.AsArray().Select(e => e!).ToList();
            foreach (var once in new[] { "CycleStarted", "NominationsOpened", "NominationsClosed", "CasesSelected", "SubmissionsClosed" })
                Assert.Single(history, e => Type(e) == once);
            var fired = history.Where(e => Type(e) == "StepFired").Select(e => e["data"]!["stepId"]!.GetValue<string>()).ToList();
            Assert.Equal(fired.Count, fired.Distinct().Count());
            Assert.Equal(5, fired.Count(s => s.StartsWith("SubmissionChaser:CSC:", StringComparison.Ordinal)));
            Assert.Equal(9, history.Count(e => Type(e) == "EmailSent"));

            var copies = (await maildev.ForCycleAsync(id)).GroupBy(e => e.GetProperty("headers").GetProperty("message-id").GetString()).ToList();
            Assert.Equal(9, copies.Count);
            Assert.All(copies, c => Assert.Single(c));
        }
    }

    private static string Type(JsonNode e) => e["eventType"]!.GetValue<string>();

    /// <summary>Steps both clocks through every wake-up time of every cycle, with both instances sweeping at each one.</summary>
    private static async Task RunAllUntilAsync(CycleClient[] apps, IReadOnlyList<string> ids, DateTimeOffset until)
    {
        while (true)
        {
            var wakes = await Task.WhenAll(ids.Select(async id => (await apps[0].StatusAsync(id))["customStatus"]!["nextWakeUp"]?.GetValue<DateTimeOffset>()));
            var next = wakes.Where(w => w is not null && w <= until).Min();
            var target = next ?? until;
            await Task.WhenAll(apps.Select(api => api.AdvanceToAsync(target)));
            for (var round = 0; round < 2; round++) await Task.WhenAll(apps.Select(api => api.SweepAsync()));
            if (next is null) return;
        }
    }
}
