using Azure.Core;
using Azure.Core.Pipeline;

namespace Maca.Functions.Storage;

/// <summary>Counts logical storage calls (not retries), so benchmarks can report transactions per workflow step.</summary>
public class StorageTransactionCounter
{
    private long _count;
    public long Count => Interlocked.Read(ref _count);
    internal void Increment() => Interlocked.Increment(ref _count);
}

/// <summary>The calls the Durable Task engine's own storage clients make: its queues, history and leases.</summary>
public sealed class EngineStorageCounter : StorageTransactionCounter;

/// <summary>Sits at <see cref="HttpPipelinePosition.PerCall"/>, before the retry policy, so a retried call counts once.</summary>
public sealed class CountingPolicy(StorageTransactionCounter counter) : HttpPipelinePolicy
{
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        counter.Increment();
        return ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        counter.Increment();
        ProcessNext(message, pipeline);
    }
}
