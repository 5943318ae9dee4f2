namespace Maca.Testing;

/// <summary>
/// The real app as a separate process on a free loopback port, configured through environment variables.
/// Tests kill it mid-flight (or let an injected fault kill it) and start it again on the same storage.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly ChildProcess _process;

    private AppProcess(ChildProcess process, int port)
    {
        _process = process;
        BaseUri = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Authorization = TestAccess.Header(); // the test coordinator, as a tool would call
    }

    public Uri BaseUri { get; }
    public HttpClient Http { get; }
    public bool HasExited => _process.HasExited;
    public string Output => _process.Output;

    /// <summary>Starts the app with settings such as "Storage:ConnectionString" and waits until it answers.</summary>
    public static Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort.Next();
        var functions = Path.Combine(RepoPaths.Root, "functions", "Maca.Functions");
        var dll = Path.Combine(functions, "bin", BuildConfiguration, "net10.0", "Maca.Functions.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing; build the solution first.");
        var environment = EnvironmentFor("Development", settings);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        return StartAsync(new ChildProcess("dotnet", [dll], environment, functions), port, TimeSpan.FromSeconds(60));
    }

    private static Dictionary<string, string> EnvironmentFor(string name, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = name,
            ["DOTNET_NOLOGO"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in TestAccess.Settings().Concat(settings)) environment[key.Replace(":", "__")] = value;
        return environment;
    }

    /// <summary>Ready once it answers any HTTP request, which is what the Functions host waits for.</summary>
    private static async Task<AppProcess> StartAsync(ChildProcess process, int port, TimeSpan limit)
    {
        var app = new AppProcess(process, port);
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited during start-up:\n{process.Output}");
            try { await app.Http.GetAsync("/api/health"); return true; }
            catch (HttpRequestException) { return false; }
        }, limit, () => $"The app did not answer on port {port} within {limit.TotalSeconds} s:\n{process.Output}");
        return app;
    }

    /// <summary>Waits for the process to end by itself (an injected crash); false if it is still running.</summary>
    public async Task<bool> ExitedAsync(TimeSpan within)
    {
        try { await Poll.UntilAsync(() => Task.FromResult(_process.HasExited), within, () => ""); return true; }
        catch (TimeoutException) { return false; }
    }

    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
    }
}
