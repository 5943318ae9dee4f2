using System.Diagnostics;
using Maca.Testing;

namespace Maca.Benchmarks.Workflow;

/// <summary>
/// N cycles driven to closure through the HTTP API of a real app process on Azurite and maildev, on the dev clock,
/// compared with raw Durable Task on the same Azurite in the same run: trivial orchestrations receiving as many
/// events as a cycle has commands.
/// </summary>
public static class WorkflowBench
{
    private const string Partnership = "bench";

    public static async Task RunAsync(BenchOptions options)
    {
        using var azurite = await AzuriteProcess.StartAsync();
        using var maildev = await MaildevProcess.StartAsync();
        var inFlight = options.Concurrency * 4;
        Console.WriteLine($"Raw Durable Task baseline: {options.Cycles} trivial orchestrations, "
            + $"{CycleToClosure.CommandsPerCycle} events each, up to {inFlight} in flight…");
        var raw = await RawDurableBaseline.MeasureAsync(azurite.ConnectionString, options.Cycles,
            CycleToClosure.CommandsPerCycle, inFlight);
        Console.WriteLine($"  {raw.EventsPerSecond:N1} events/s");
        using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Email:Smtp:Port"] = maildev.SmtpPort.ToString(),
            ["Seeds:LoadDemo"] = "false",
        });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
            { BaseAddress = app.BaseUri, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = TestAccess.Header(); // the bench drives the API as a coordinator's tool
        var latency = new LatencyRecorder();
        var api = new BenchApi(http, latency, new SemaphoreSlim(inFlight));
        await SeedAsync(api);
        await api.PostAsync("/api/dev/clock/advance", new { to = CycleToClosure.Start });
        var before = await api.GetAsync("/api/dev/metrics");

        Console.WriteLine($"Driving {options.Cycles} cycles to closure ({CycleToClosure.CommandsPerCycle} commands each), "
            + $"up to {inFlight} requests in flight…");
        var wall = Stopwatch.StartNew();
        string[] ids;
        try
        {
            var cycles = Enumerable.Range(0, options.Cycles).ToArray();
            ids = await Task.WhenAll(cycles.Select(i => CycleToClosure.StartAndNominateAsync(api, Partnership, i)));
            await Task.WhenAll(cycles.Select(i => CycleToClosure.SelectAndSubmitAsync(api, ids[i], i)));
            await Task.WhenAll(cycles.Select(i => CycleToClosure.ArrangeMeetingAsync(api, ids[i])));
            await api.PostAsync("/api/dev/clock/advance", new { to = CycleToClosure.AfterMeeting });
            await Task.WhenAll(cycles.Select(i => CycleToClosure.LearnAndActAsync(api, ids[i], i)));
        }
        finally
        {
            // What the app said during the run, kept for reading: its warnings explain a slow run.
            var log = Path.Combine(RepoPaths.Root, ".maca", "bench-app.log");
            await File.WriteAllTextAsync(log, app.Output);
            Console.Error.WriteLine($"The app's log is in {log}.");
        }
        wall.Stop();

        var closed = 0;
        foreach (var id in ids)
            if ((await api.GetAsync($"/api/cycles/{id}"))["runtimeStatus"]!.GetValue<string>() == "Completed") closed++;
        var after = await api.GetAsync("/api/dev/metrics");
        long Used(string counter) => after[counter]!.GetValue<long>() - before[counter]!.GetValue<long>();
        var commands = (double)latency.Count;
        var commandsPerSecond = commands / wall.Elapsed.TotalSeconds;
        var (appCalls, engineCalls) = (Used("storageTransactions"), Used("engineStorageTransactions"));

        Console.WriteLine($"cycles closed                  : {closed} of {options.Cycles}");
        Console.WriteLine($"commands                       : {latency.Count:N0} ({api.Pending} answered \"pending\")");
        Console.WriteLine($"commands/s                     : {commandsPerSecond,10:N1}");
        Console.WriteLine($"POST to outcome p50 / p99      : {latency.Percentile(0.50):N1} ms / {latency.Percentile(0.99):N1} ms");
        Console.WriteLine($"storage requests / command     : {(appCalls + engineCalls) / commands,10:N1}   "
            + $"(app {appCalls / commands:N1}, engine {engineCalls / commands:N1})");
        Console.WriteLine($"storage requests / cycle       : {(appCalls + engineCalls) / (double)options.Cycles,10:N1}");
        Console.WriteLine($"episodes / command             : {Used("episodes") / commands,10:N2}");
        Console.WriteLine($"activities / command           : {Used("activities") / commands,10:N2}   (emails included)");
        Console.WriteLine($"wall time                      : {wall.Elapsed.TotalSeconds,10:N1} s");
        Console.WriteLine($"raw Durable Task events/s      : {raw.EventsPerSecond,10:N1}   ({raw.Events:N0} events in "
            + $"{raw.Wall.TotalSeconds:N1} s, {raw.StorageRequests / (double)raw.Events:N1} storage requests each)");
        // The engine's warnings (a partition slow to answer, a lease lost) explain a slow run.
        var warnings = app.Output.Split('\n').Where(line => line.StartsWith("warn:", StringComparison.Ordinal)
            || line.StartsWith("fail:", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"app warnings                   : {warnings.Count}");
        foreach (var line in warnings.Take(5)) Console.WriteLine($"  {line}");
        Console.WriteLine($"commands/s ÷ raw Durable Task events/s : {commandsPerSecond / raw.EventsPerSecond:N3}");
        if (closed != options.Cycles) throw new InvalidOperationException("Not every cycle reached closure.");
    }

    private static async Task SeedAsync(BenchApi api)
    {
        await api.PutAsync($"/api/partnerships/{Partnership}", new
        {
            name = "Benchmark partnership", coordinatorEmail = "coordinator@bench.example", managerEmail = "manager@bench.example",
            learningDevelopmentEmail = "learning@bench.example", retentionDays = 365, themes = new[] { "Self harm" },
        });
        foreach (var code in CycleToClosure.Agencies)
            await api.PutAsync($"/api/partnerships/{Partnership}/agencies/{code}", new
            {
                name = $"Agency {code}", leadEmail = $"lead@{code.ToLowerInvariant()}.bench.example",
                qaEmail = $"qa@{code.ToLowerInvariant()}.bench.example", seniorEmail = $"senior@{code.ToLowerInvariant()}.bench.example",
            });
    }
}
