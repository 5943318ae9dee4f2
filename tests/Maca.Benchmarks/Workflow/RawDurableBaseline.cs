using System.Collections.Concurrent;
using System.Diagnostics;
using Maca.Functions.Engine;
using Maca.Functions.Storage;
using Maca.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maca.Benchmarks.Workflow;

/// <summary>
/// What Durable Task itself does on this Azurite, with nothing of ours: the app's engine (the same provider, sidecar
/// and settings) on a task hub of its own, running trivial orchestrations that each wait for as many events as a
/// cycle has commands and run one trivial activity per event. Each instance's events are sent one after another,
/// each once the last is handled, as the bench's commands are.
/// </summary>
public static class RawDurableBaseline
{
    public sealed record Figures(int Events, TimeSpan Wall, long StorageRequests)
    {
        public double EventsPerSecond => Events / Wall.TotalSeconds;
    }

    public static async Task<Figures> MeasureAsync(string connectionString, int instances, int eventsEach,
        int inFlight)
    {
        var address = $"http://127.0.0.1:{FreePort.Next()}";
        var handled = new Handled();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString, ["Durable:TaskHubName"] = "rawbaseline",
            ["Durable:WorkerId"] = "bench-raw-baseline",
        });
        // The engine's warnings (a lease lost, a partition slow to answer) explain a stall if there is one.
        // The worker's complaints as the bench stops it mid-poll are not.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("Microsoft.DurableTask", LogLevel.Critical);
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddOptions<DurableEngineOptions>().BindConfiguration(DurableEngineOptions.Section);
        services.AddSingleton<EngineStorageCounter>().AddSingleton<EngineWorkCounter>().AddSingleton(handled);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<LocalDurableEngine>(sp, address));
        services.AddHostedService(sp => sp.GetRequiredService<LocalDurableEngine>());
        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(tasks =>
            {
                tasks.AddOrchestrator<WaitForEvents>();
                tasks.AddActivity<NoteEvent>();
            });
            worker.UseGrpc(address);
        });
        services.AddDurableTaskClient(client => client.UseGrpc(address));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<DurableTaskClient>();
            var ids = Enumerable.Range(0, instances).Select(i => $"raw-{i}-{Guid.NewGuid():N}").ToList();
            foreach (var id in ids)
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitForEvents), eventsEach,
                    new StartOrchestrationOptions(id));
            // An event sent before the engine has taken an instance's start is dropped ("no such instance").
            foreach (var id in ids) await client.WaitForInstanceStartAsync(id);
            var counter = host.Services.GetRequiredService<EngineStorageCounter>();
            var before = counter.Count;
            var gate = new SemaphoreSlim(inFlight);
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(ids.Select(async id =>
            {
                for (var e = 0; e < eventsEach; e++)
                {
                    await gate.WaitAsync();
                    try
                    {
                        var done = handled.Watch($"{id}:{e}");
                        await client.RaiseEventAsync(id, WaitForEvents.EventName, e);
                        await done.WaitAsync(TimeSpan.FromMinutes(5));
                    }
                    finally { gate.Release(); }
                }
            }));
            wall.Stop();
            return new Figures(instances * eventsEach, wall.Elapsed, counter.Count - before);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Where the activity says an event was handled, so the driver sends the next.</summary>
    public sealed class Handled
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
        public Task Watch(string key) => For(key).Task;
        public void Done(string key) => For(key).TrySetResult();

        private TaskCompletionSource For(string key) =>
            _waiting.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public sealed class WaitForEvents : TaskOrchestrator<int, int>
    {
        public const string EventName = "Next";

        public override async Task<int> RunAsync(TaskOrchestrationContext context, int events)
        {
            for (var i = 0; i < events; i++)
            {
                var e = await context.WaitForExternalEvent<int>(EventName);
                await context.CallActivityAsync(nameof(NoteEvent), $"{context.InstanceId}:{e}");
            }
            return events;
        }
    }

    public sealed class NoteEvent(Handled handled) : TaskActivity<string, bool>
    {
        public override Task<bool> RunAsync(TaskActivityContext context, string key)
        {
            handled.Done(key);
            return Task.FromResult(true);
        }
    }
}
