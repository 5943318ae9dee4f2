using Maca.Functions.Access;

namespace Maca.Functions.Retention;

/// <summary>
/// Development only: run the retention job now, as the Azure entry's daily timer does, so that demos and tests
/// need not wait for the hour. There is no such route anywhere else.
/// </summary>
public static class RetentionRunApi
{
    public sealed record RetentionResult(int CyclesPurgedUnderRetention);

    public static IEndpointRouteBuilder MapRetentionRun(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/retention/run", async (RetentionJob retention, CancellationToken ct) =>
                TypedResults.Ok(new RetentionResult(await retention.RunIfDueAsync(ct))))
            .RequireAuthorization(AccessSetup.CoordinatorPolicy)
            .WithTags("Development")
            .WithSummary("Run the retention job now, as the daily timer does (Development only)");
        return app;
    }
}
