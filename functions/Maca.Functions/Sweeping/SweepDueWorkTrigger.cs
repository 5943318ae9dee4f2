using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Maca.Functions.Sweeping;

/// <summary>
/// The timer trigger, in the Functions custom-handler shape: the host POSTs /SweepDueWork with {Data, Metadata}
/// and reads {Outputs, Logs, ReturnValue}. Locally the <see cref="LocalTriggerLoop"/> calls the same handler.
/// It is mapped only under the Functions host (whose handler port is private to it, and whose proxied HTTP
/// routes never reach this path) or in Development; anywhere else there is no such route.
/// </summary>
public static class SweepDueWorkTrigger
{
    public const string FunctionName = "SweepDueWork";

    /// <summary>Named exactly as the host reads them, whatever the app's JSON naming policy.</summary>
    public sealed record InvocationResponse(
        [property: JsonPropertyName("Outputs")] JsonObject Outputs,
        [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
        [property: JsonPropertyName("ReturnValue")] SweepResult ReturnValue);

    public static bool IsReachable(IHostEnvironment environment) =>
        environment.IsDevelopment() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT"));

    public static IEndpointRouteBuilder MapSweepDueWork(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{FunctionName}", async (JsonObject? invocation, DueWorkSweeper sweeper, CancellationToken ct) =>
            {
                var result = await sweeper.SweepAsync(ct);
                return TypedResults.Ok(new InvocationResponse([],
                    [$"Woke {result.CyclesWoken} cycles; {result.TimerCommits} timer commits; {result.WakeUpsCleared} wake-ups cleared; " +
                    $"{result.CyclesPurgedUnderRetention} cycles' files removed under retention."], result));
            })
            .AllowAnonymous()
            .WithTags("Triggers")
            .WithSummary("Timer trigger: fire due timers, send queued email, and once a day remove files past retention");
        return app;
    }
}
