namespace Maca.Benchmarks.Storage;

/// <summary>Raw Table Storage throughput on this machine: the baseline the workflow is compared against.</summary>
public sealed record StorageFigures(int Concurrency, double InsertsPerSecond, double BatchesPerSecond, double PointReadsPerSecond,
    double InsertP50Ms, double InsertP99Ms);
