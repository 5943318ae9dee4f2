namespace Maca.Testing;

/// <summary>Waits for something to become true by polling, with a generous timeout: never a fixed sleep.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(Func<Task<(bool Done, T Value)>> probe, TimeSpan timeout, Func<string> whatFailed)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var (done, value) = await probe();
            if (done) return value;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException(whatFailed());
            await Task.Delay(Interval);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> probe, TimeSpan timeout, Func<string> whatFailed) =>
        UntilAsync(async () => (await probe(), true), timeout, whatFailed);
}
