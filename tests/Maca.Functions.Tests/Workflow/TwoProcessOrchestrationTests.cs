using System.Text.Json.Nodes;
using Maca.Functions.Cycles;
using Maca.Functions.Tests.Infrastructure;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Maca.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Workflow;

/// <summary>
/// Two app processes on one task hub, each with its own worker id and sidecar, share twenty cycles between them:
/// every command raised through either reaches its cycle once, every step is taken once, every email sent once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TwoProcessOrchestrationTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const int Cycles = 20;

    // When the second process takes a partition over, a message the first had already taken stays invisible for the
    // control queue's visibility timeout: at the provider's default of 5 minutes, some cycles waited that long.
    [Fact]
    public async Task TwoProcessesDriveTwentyCyclesWithNoStepOrEmailTwice()
    {
        var shared = MacaAppFactoryExtensions.ChildProcessSettings(azurite, maildev);
        var ports = new[] { FreePort.Next(), FreePort.Next() };
        var apps = new List<AppProcess>();
        var engines = new List<ServiceProvider>();
        try
        {
            foreach (var (port, n) in ports.Select((p, n) => (p, n)))
            {
                apps.Add(await AppProcess.StartAsync(new Dictionary<string, string>(shared)
                {
                    ["Durable:SidecarPort"] = port.ToString(), ["Durable:WorkerId"] = $"two-{n}-{shared["Storage:NamePrefix"]}",
                }));
                engines.Add(EngineClients.For(port));
            }
            var clients = engines.Select(e => e.GetRequiredService<DurableTaskClient>()).ToList();
            var ids = Enumerable.Range(0, Cycles).Select(i => StartCycleRequest.NewCycleId("wf-two", $"two-{i}-{Guid.NewGuid():N}"))
                .ToList();

            await Task.WhenAll(ids.Select((id, i) => clients[i % 2].StartCycleAsync(EngineClients.Start(id, "wf-two", "CSC", "POL"))));
            await Task.WhenAll(ids.Select(id => clients[0].ProgressAsync(id, p => p.Phase == "Nominating")));
            // Each nomination raised twice, once through each process, with one request id.
            await Task.WhenAll(ids.SelectMany(id => clients.Select(client => client.SendAsync(id, new CycleRequest("nominate",
                "agency:CSC", new NominateCase("CSC", "TWO-1", "Under 1", "Male", "White", false, ["CSC"], "Seen at nursery"))))));
            await Task.WhenAll(ids.Select((id, i) => clients[(i + 1) % 2].SendAsync(id, new CycleRequest("clock", "system", null,
                TimeSpan.FromDays(21)))));
            await Task.WhenAll(ids.Select(id => clients[1].ProgressAsync(id, p => p.Phase == "Selecting")));

            var api = new CycleClient(apps[0].Http);
            foreach (var id in ids)
            {
                var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
                foreach (var once in new[] { "CycleStarted", "NominationsOpened", "CaseNominated", "NominationsClosed" })
                    Assert.Single(history, e => Type(e) == once);
                var versions = history.Where(e => e!["version"] is not null).Select(e => e!["version"]!.GetValue<int>()).ToList();
                Assert.Equal(versions.Distinct().Count(), versions.Count);
            }
            await Poll.UntilAsync(async () => (await maildev.AllEmailsAsync()).Count(e =>
                    e.GetProperty("headers").TryGetProperty("x-maca-cycle", out var c) && ids.Contains(c.GetString() ?? "")
                    && e.GetProperty("headers").GetProperty("x-maca-kind").GetString() == "NominationRequest") == 2 * Cycles,
                EngineClients.Patience, () => "The nomination requests were not each sent exactly once.");
        }
        finally
        {
            foreach (var engine in engines) await engine.DisposeAsync();
            foreach (var app in apps) app.Dispose();
        }
    }

    private static string Type(JsonNode? e) => e!["eventType"]!.GetValue<string>();
}
