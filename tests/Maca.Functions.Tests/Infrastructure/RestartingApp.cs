using Maca.Testing;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>
/// The app as a child process that may die at an injected crash point. Every step goes through <see cref="StepAsync"/>:
/// if the process died, it is started again without the fault, the clock is put back where the test had it,
/// and the step is retried, as a client with an idempotency key would.
/// </summary>
public sealed class RestartingApp(Dictionary<string, string> settings) : IAsyncDisposable
{
    private AppProcess? _app;
    private DateTimeOffset? _clock;

    public int Restarts { get; private set; }
    public CycleClient Api => new(_app!.Http);

    public async Task StartAsync() => _app = await AppProcess.StartAsync(settings);

    public async Task AdvanceToAsync(DateTimeOffset instant)
    {
        _clock = instant;
        await StepAsync(api => api.AdvanceToAsync(instant));
    }

    public async Task StepAsync(Func<CycleClient, Task> step)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { await step(Api); return; }
            catch (Exception ex) when (attempt < 3 && ex is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
            {
                if (!await _app!.ExitedAsync(TimeSpan.FromSeconds(10))) throw;
                Assert.Contains("Injected crash at", _app.Output);
                _app.Dispose();
                settings.Remove("Faults:CrashAt");
                _app = await AppProcess.StartAsync(settings);
                Restarts++;
                if (_clock is { } at) await Api.AdvanceToAsync(at);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _app?.Dispose();
        return ValueTask.CompletedTask;
    }
}
