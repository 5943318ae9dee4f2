using System.Net;
using System.Net.Sockets;
using Maca.Functions.Cycles;
using Maca.Orchestrations.Cycles;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;

namespace Maca.Functions.Engine;

/// <summary>
/// The engine, the SDK's worker (which runs the orchestrators and activities) and its client (which starts them and
/// raises their events), all in this process. Registered before the worker, the engine starts first and stops last.
/// </summary>
public static class DurableEngineSetup
{
    public static void AddDurableEngine(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DurableEngineOptions>().BindConfiguration(DurableEngineOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var chosen = builder.Configuration.GetValue<int>($"{DurableEngineOptions.Section}:SidecarPort");
        var port = chosen > 0 ? chosen : FreeLoopbackPort();
        var address = $"http://127.0.0.1:{port}";
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<LocalDurableEngine>(sp, address));
        services.AddHostedService(sp => sp.GetRequiredService<LocalDurableEngine>());
        services.AddSingleton(sp => new DurableEngineProbe(sp.GetRequiredService<DurableTaskClient>(),
            () => sp.GetRequiredService<LocalDurableEngine>().TaskHubName));
        services.AddSingleton<EngineWorkCounter>();
        // One JSON form for every orchestration input, event, activity result and custom status: the cycle's own.
        services.AddSingleton<DataConverter>(new JsonDataConverter(CycleJson.Options));
        services.AddDurableTaskWorker(worker =>
        {
            worker.Services.AddOptions<DurableTaskRegistry>(worker.Name)
                .Configure<CycleDecider>((tasks, decider) => DurableTasks.Register(tasks, decider));
            worker.UseGrpc(address);
        });
        services.AddDurableTaskClient(client => client.UseGrpc(address));
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
