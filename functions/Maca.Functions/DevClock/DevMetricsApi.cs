using Maca.Functions.Access;
using Maca.Functions.Storage;

namespace Maca.Functions.DevClock;

/// <summary>Development only: counters the benchmarks read, such as storage calls made by this process.</summary>
public static class DevMetricsApi
{
    public sealed record DevMetrics(long StorageTransactions);

    public static IEndpointRouteBuilder MapDevMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dev/metrics", (StorageTransactionCounter counter) => TypedResults.Ok(new DevMetrics(counter.Count)))
            .WithTags("Development").RequireAuthorization(AccessSetup.CoordinatorPolicy);
        return app;
    }
}
