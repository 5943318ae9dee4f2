namespace Maca.Functions.Engine;

/// <summary>
/// Orchestrator episodes and activities the local engine has completed, for the benchmark's "per command" figures.
/// </summary>
public sealed class EngineWorkCounter
{
    private long _episodes, _activities;
    public long Episodes => Interlocked.Read(ref _episodes);
    public long Activities => Interlocked.Read(ref _activities);
    internal void EpisodeDone() => Interlocked.Increment(ref _episodes);
    internal void ActivityDone() => Interlocked.Increment(ref _activities);
}
