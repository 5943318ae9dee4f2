using System.Diagnostics;
using Maca.Benchmarks.Storage;
using Maca.Testing;

namespace Maca.Benchmarks.Workflow;

/// <summary>
/// N cycles driven to closure through the HTTP API of a real app process on Azurite and maildev, on the dev clock,
/// compared with the raw single-insert rate of the same Azurite in the same run.
/// </summary>
public static class WorkflowBench
{
    private const string Partnership = "bench";

    public static async Task RunAsync(BenchOptions options)
    {
        using var azurite = await AzuriteProcess.StartAsync();
        using var maildev = await MaildevProcess.StartAsync();
        var raw = await StorageBench.MeasureAsync(azurite.ConnectionString, options.Concurrency, 2000);
        using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Email:Smtp:Port"] = maildev.SmtpPort.ToString(),
            ["Sweep:RunLocalLoop"] = "false",
            ["Seeds:LoadDemo"] = "false",
        });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = app.BaseUri, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = TestAccess.Header(); // the bench drives the API as a coordinator's tool
        var latency = new LatencyRecorder();
        var api = new BenchApi(http, latency, new SemaphoreSlim(options.Concurrency * 4));
        await SeedAsync(api);
        await api.PostAsync("/api/dev/clock/advance", new { to = CycleToClosure.Start });
        var storageBefore = (await api.GetAsync("/api/dev/metrics"))["storageTransactions"]!.GetValue<long>();

        Console.WriteLine($"Driving {options.Cycles} cycles to closure ({CycleToClosure.CommandsPerCycle} commands each), up to {options.Concurrency * 4} requests in flight…");
        var wall = Stopwatch.StartNew();
        var cycles = Enumerable.Range(0, options.Cycles).ToArray();
        var ids = await Task.WhenAll(cycles.Select(i => CycleToClosure.StartAndNominateAsync(api, Partnership, i)));
        await Task.WhenAll(cycles.Select(i => CycleToClosure.SelectAndSubmitAsync(api, ids[i], i)));
        await Task.WhenAll(cycles.Select(i => CycleToClosure.ArrangeMeetingAsync(api, ids[i])));
        await api.PostAsync("/api/dev/clock/advance", new { to = CycleToClosure.AfterMeeting });
        await api.PostAsync("/SweepDueWork", new { Data = new { }, Metadata = new { } });
        await Task.WhenAll(cycles.Select(i => CycleToClosure.LearnAndActAsync(api, ids[i], i)));
        wall.Stop();

        var closed = 0;
        foreach (var id in ids) if ((await api.GetAsync($"/api/cycles/{id}"))["runtimeStatus"]!.GetValue<string>() == "Completed") closed++;
        var storageCalls = (await api.GetAsync("/api/dev/metrics"))["storageTransactions"]!.GetValue<long>() - storageBefore;
        var commandsPerSecond = latency.Count / wall.Elapsed.TotalSeconds;

        Console.WriteLine($"cycles closed                : {closed} of {options.Cycles}");
        Console.WriteLine($"commands                     : {latency.Count:N0}");
        Console.WriteLine($"commands/s                   : {commandsPerSecond,10:N1}");
        Console.WriteLine($"command latency p50 / p99    : {latency.Percentile(0.50):N1} ms / {latency.Percentile(0.99):N1} ms");
        Console.WriteLine($"storage transactions / cycle : {storageCalls / (double)options.Cycles,10:N1}   (every call the app made, sweeps and email included)");
        Console.WriteLine($"wall time                    : {wall.Elapsed.TotalSeconds,10:N1} s");
        Console.WriteLine($"raw single inserts/s (same Azurite, this run): {raw.InsertsPerSecond:N0}");
        Console.WriteLine($"commands/s ÷ raw inserts/s   : {commandsPerSecond / raw.InsertsPerSecond,10:N3}");
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
