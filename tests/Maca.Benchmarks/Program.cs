using Maca.Benchmarks;
using Maca.Benchmarks.Storage;

// Usage: Maca.Benchmarks storage [--concurrency N] [--count N]
var options = BenchOptions.Parse(args);
switch (options.Suite)
{
    case "storage":
        await StorageBench.RunAsync(options);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{options.Suite}'. Known: storage.");
        return 2;
}
