using System.Collections.Concurrent;

namespace Maca.Functions.Cycles;

/// <summary>
/// This instance's last committed snapshot of each cycle, with its ETag, so a command can skip the read.
/// Only a commit trusts it: the ETag makes a stale entry fail the commit, and the engine then reads afresh.
/// A refusal or a no-op is never answered from it, since nothing would catch the staleness there.
/// </summary>
public sealed class SnapshotCache
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, CycleRecord> _cycles = new(StringComparer.Ordinal);

    public CycleRecord? Get(string cycleId) => _cycles.GetValueOrDefault(cycleId);

    /// <summary>Keeps the newer of two records, so a slow writer never overwrites a fresher commit.</summary>
    public void Remember(CycleRecord cycle)
    {
        if (_cycles.Count >= Capacity) _cycles.Clear(); // crude, but bounded: a miss only costs one read
        _cycles.AddOrUpdate(cycle.CycleId, cycle, (_, held) => held.State.Version > cycle.State.Version ? held : cycle);
    }

    public void Forget(string cycleId) => _cycles.TryRemove(cycleId, out _);
}
