namespace Maca.Benchmarks;

public sealed record BenchOptions(string Suite, int Concurrency, int Count, int Cycles)
{
    public static BenchOptions Parse(string[] args)
    {
        var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "storage";
        int Option(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            if (index < 0) return fallback;
            if (index + 1 >= args.Length || !int.TryParse(args[index + 1], out var value) || value < 1)
                throw new ArgumentException($"{name} needs a positive whole number.");
            return value;
        }
        return new BenchOptions(suite, Option("--concurrency", 16), Option("--count", 3000), Option("--cycles", 50));
    }
}
