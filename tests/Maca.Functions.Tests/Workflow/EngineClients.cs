using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;
using Maca.Orchestrations.Workflow;
using Maca.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Workflow;

/// <summary>What the workflow tests share: a client of an app's engine from outside it, a start, and a wait.</summary>
public static class EngineClients
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>A client of the app's engine from outside the process, as the Functions host's binding would be.</summary>
    public static ServiceProvider For(int sidecarPort)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<DataConverter>(new JsonDataConverter(CycleJson.Options));
        services.AddDurableTaskClient(client => client.UseGrpc($"http://127.0.0.1:{sidecarPort}"));
        return services.BuildServiceProvider();
    }

    public static StartCycle Start(string id, string partnership, params string[] agencies) => new(id, partnership, "Neglect",
        AuditType.Desktop, agencies.Select(Agency).ToList(), 1, new Timetable(),
        new PartnershipContacts($"c@{partnership}.example", $"m@{partnership}.example", $"l@{partnership}.example"));

    public static AgencyContact Agency(string code) => new(code, $"Agency {code}", $"lead@{code.ToLowerInvariant()}.example",
        $"qa@{code.ToLowerInvariant()}.example", $"senior@{code.ToLowerInvariant()}.example");

    /// <summary>Schedules the cycle's orchestration and sends it its start.</summary>
    public static async Task StartCycleAsync(this DurableTaskClient client, StartCycle start)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(AuditCycleOrchestrator), CycleRun.New(start.CycleId),
            new StartOrchestrationOptions(start.CycleId));
        await client.SendAsync(start.CycleId, new CycleRequest("start", "coordinator:t", start));
    }

    public static Task SendAsync(this DurableTaskClient client, string id, CycleRequest request) =>
        client.RaiseEventAsync(id, AuditCycleOrchestrator.CommandEvent, request);

    public static Task<CycleProgress> ProgressAsync(this DurableTaskClient client, string id, Func<CycleProgress, bool> done,
        TimeSpan? patience = null)
    {
        var seen = "nothing";
        return Poll.UntilAsync(async () =>
        {
            var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
            seen = $"{instance?.RuntimeStatus} {instance?.SerializedCustomStatus}";
            var progress = instance?.ReadCustomStatusAs<CycleProgress>();
            return (progress is not null && done(progress), progress!);
        }, patience ?? Patience, () => $"The orchestration of {id} did not get there; it is: {seen}.");
    }
}
