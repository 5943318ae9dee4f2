using Maca.Functions.Access;
using Maca.Functions.Storage;

namespace Maca.Functions.DevClock;

/// <summary>Development only: counters the benchmarks read, such as storage calls made by this process.</summary>
public static class DevMetricsApi
{
    /// <param name="StorageTransactions">The app's own calls: the read model, documents, directory, links.</param>
    /// <param name="EngineStorageTransactions">The Durable Task engine's calls, when it runs in this process.</param>
    /// <param name="Episodes">Orchestrator episodes the local engine completed; Activities likewise.</param>
    public sealed record DevMetrics(long StorageTransactions, long EngineStorageTransactions, long Episodes,
        long Activities);

    public static IEndpointRouteBuilder MapDevMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dev/metrics", (StorageTransactionCounter app, EngineStorageCounter engine,
                Engine.EngineWorkCounter work) =>
                TypedResults.Ok(new DevMetrics(app.Count, engine.Count, work.Episodes, work.Activities)))
            .WithTags("Development").RequireAuthorization(AccessSetup.CoordinatorPolicy);
        return app;
    }
}
