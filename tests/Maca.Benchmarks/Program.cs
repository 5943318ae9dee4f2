using Maca.Benchmarks;
using Maca.Benchmarks.Storage;
using Maca.Benchmarks.Workflow;

// Usage: Maca.Benchmarks storage [--concurrency N] [--count N] | workflow [--cycles N] [--concurrency N]
var options = BenchOptions.Parse(args);
switch (options.Suite)
{
    case "storage":
        await StorageBench.RunAsync(options);
        return 0;
    case "workflow":
        await WorkflowBench.RunAsync(options);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{options.Suite}'. Known: storage, workflow.");
        return 2;
}
