using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Maca.Testing;

namespace Maca.Functions.Tests.Hosting;

/// <summary>
/// Ctrl-C on `./maca run` stops Azurite, maildev and the app, even while requests are running. The script runs in its
/// own process group on free ports and its own data folder, with SIGINT at its default as a terminal leaves it, and
/// gets SIGINT the way a terminal sends it: to the whole group.
/// </summary>
public sealed class MacaRunStopTests
{
    private const string DemoCoordinator = "audit.coordinator@northvale-scp.example";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3), StopTimeout = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task CtrlCStopsEveryProcessOfMacaRunEvenWithRequestsRunning()
    {
        var data = System.IO.Directory.CreateTempSubdirectory("maca-run-").FullName;
        var appPort = FreePort.Next();
        using var run = Start(appPort, data);
        using var stopRequests = new CancellationTokenSource();
        var answered = 0;
        List<Task> load = [];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}") };
        try
        {
            await Poll.UntilAsync(async () => await AnswersAsync(http) || run.HasExited, StartTimeout,
                () => Output(run, data));
            Assert.False(run.HasExited, $"./maca run stopped before the app answered. {Output(run, data)}");

            // Requests running at the moment the group is told to stop: they are what kept the app alive.
            var signedIn = await http.PostAsJsonAsync("/api/dev/token", new { email = DemoCoordinator });
            var token = (await signedIn.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            load = Enumerable.Range(0, 4)
                .Select(_ => KeepAskingAsync(http, () => Interlocked.Increment(ref answered), stopRequests.Token))
                .ToList();
            await Poll.UntilAsync(() => Task.FromResult(Volatile.Read(ref answered) > 8), StartTimeout,
                () => "The app stopped answering.");

            Signal("INT", run.Id);
            await Poll.UntilAsync(() => Task.FromResult(ProcessGroup(run.Id).Count == 0), StopTimeout,
                () => $"Still running after Ctrl-C: {string.Join(", ", ProcessGroup(run.Id))}. {Output(run, data)}");
        }
        finally
        {
            // Processes first: nothing may outlive the test, even when it fails.
            if (ProcessGroup(run.Id).Count > 0) Signal("KILL", run.Id);
            run.Dispose(); // and whatever is left of its process tree
            await stopRequests.CancelAsync();
            try { await Task.WhenAll(load); }
            finally { System.IO.Directory.Delete(data, recursive: true); }
        }
    }

    /// <summary>
    /// setsid makes the script the leader of a new process group (its pid is the group's id); perl puts SIGINT back to
    /// its default first, in case this test run was itself started with SIGINT ignored, as background jobs are.
    /// </summary>
    private static ChildProcess Start(int appPort, string data)
    {
        var environment = new Dictionary<string, string>
        {
            ["MACA_APP_PORT"] = appPort.ToString(), ["MACA_DATA_DIR"] = data, ["Seeds__LoadDemo"] = "false",
        };
        foreach (var name in new[] { "BLOB", "QUEUE", "TABLE", "SMTP", "MAIL_WEB" })
            environment[$"MACA_{name}_PORT"] = FreePort.Next().ToString();
        // The test project has just built the app in Debug, where ./maca run starts it from.
        if (File.Exists(Path.Combine(RepoPaths.Root, "functions/Maca.Functions/bin/Debug/net10.0/Maca.Functions.dll")))
            environment["MACA_NO_BUILD"] = "1";
        const string defaultSigint = "$SIG{INT} = $SIG{QUIT} = 'DEFAULT'; exec @ARGV or die $!";
        return new ChildProcess("setsid", ["perl", "-e", defaultSigint, "./maca", "run"], environment);
    }

    private static async Task<bool> AnswersAsync(HttpClient http)
    {
        try
        {
            (await http.GetAsync("/api/health")).Dispose(); // any answer will do, even "storage is down"
            return true;
        }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) { return false; }
    }

    private static async Task KeepAskingAsync(HttpClient http, Action answered, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                (await http.GetAsync("/api/cycles?partnershipId=demo", stop)).Dispose();
                answered();
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // the app is stopping: expected
            }
        }
    }

    private static void Signal(string signal, int processGroup)
    {
        using var kill = Process.Start("kill", ["-" + signal, "--", "-" + processGroup])!;
        kill.WaitForExit();
    }

    /// <summary>Live processes of the group (a zombie has already stopped; it only waits to be reaped).</summary>
    private static List<string> ProcessGroup(int processGroup)
    {
        var members = new List<string>();
        foreach (var dir in System.IO.Directory.GetDirectories("/proc"))
        {
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] != "Z" && fields[2] == processGroup.ToString())
                members.Add(stat[..(stat.LastIndexOf(')') + 1)]);
        }
        return members;
    }

    private static string Output(ChildProcess run, string data)
    {
        var logs = Path.Combine(data, "logs");
        var files = System.IO.Directory.Exists(logs) ? System.IO.Directory.GetFiles(logs) : [];
        return $"./maca run said: {Tail(run.Output)}\n"
            + string.Join("\n", files.Select(f => $"{Path.GetFileName(f)}: {Tail(File.ReadAllText(f))}"));
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}
