using Azure.Core;
using Azure.Core.Pipeline;

namespace Maca.Functions.Storage;

/// <summary>Counts logical storage calls (not retries), so benchmarks can report transactions per workflow step.</summary>
public sealed class StorageTransactionCounter
{
    private long _count;
    public long Count => Interlocked.Read(ref _count);
    internal void Increment() => Interlocked.Increment(ref _count);
}

internal sealed class CountingPolicy(StorageTransactionCounter counter) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => counter.Increment();
}
