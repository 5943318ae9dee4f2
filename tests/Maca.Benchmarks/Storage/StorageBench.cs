using System.Diagnostics;
using Azure.Data.Tables;
using Maca.Testing;

namespace Maca.Benchmarks.Storage;

/// <summary>Single inserts, 100-operation batches and point reads against a fresh in-memory Azurite.</summary>
public static class StorageBench
{
    public static async Task RunAsync(BenchOptions options)
    {
        using var azurite = await AzuriteProcess.StartAsync();
        Console.WriteLine($"Azurite (in memory) on 127.0.0.1:{azurite.TablePort}; concurrency {options.Concurrency}, {options.Count} operations per test.");
        var figures = await MeasureAsync(azurite.ConnectionString, options.Concurrency, options.Count);
        Console.WriteLine($"single-entity inserts/s : {figures.InsertsPerSecond,10:N0}   (p50 {figures.InsertP50Ms:N1} ms, p99 {figures.InsertP99Ms:N1} ms)");
        Console.WriteLine($"100-operation batches/s : {figures.BatchesPerSecond,10:N1}   ({figures.BatchesPerSecond * 100:N0} entities/s)");
        Console.WriteLine($"point reads/s           : {figures.PointReadsPerSecond,10:N0}");
    }

    public static async Task<StorageFigures> MeasureAsync(string connectionString, int concurrency, int count)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("benchraw" + Guid.NewGuid().ToString("N")[..6]);
        await table.CreateIfNotExistsAsync();
        static TableEntity Row(string pk, string rk) => new(pk, rk) { ["Kind"] = "Submitted", ["Payload"] = new string('x', 400) };

        await RunParallelAsync(200, concurrency, i => table.AddEntityAsync(Row("warmup", $"{i:D6}"))); // JIT and connections

        var latencies = new double[count];
        var inserts = await RunParallelAsync(count, concurrency, async i =>
        {
            var started = Stopwatch.GetTimestamp();
            await table.AddEntityAsync(Row($"p{i % 64}", $"{i:D6}"));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        var batchCount = Math.Max(10, count / 30);
        var batches = await RunParallelAsync(batchCount, concurrency, i => table.SubmitTransactionAsync(
            Enumerable.Range(0, 100).Select(r => new TableTransactionAction(TableTransactionActionType.Add, Row($"batch{i}", $"{r:D3}"))).ToList()));
        var reads = await RunParallelAsync(count, concurrency, i => table.GetEntityAsync<TableEntity>($"p{i % 64}", $"{i:D6}"));

        Array.Sort(latencies);
        return new StorageFigures(concurrency, count / inserts.TotalSeconds, batchCount / batches.TotalSeconds,
            count / reads.TotalSeconds, latencies[count / 2], latencies[Math.Min(count - 1, (int)(count * 0.99))]);
    }

    private static async Task<TimeSpan> RunParallelAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await operation(i);
        }));
        return Stopwatch.GetElapsedTime(started);
    }
}
