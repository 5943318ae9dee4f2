using System.Text.Json.Nodes;

namespace Maca.Functions.Sweeping;

/// <summary>
/// The timer trigger, in the Functions custom-handler shape: the host POSTs /SweepDueWork with {Data, Metadata}
/// and reads {Outputs, Logs, ReturnValue}. Locally the <see cref="LocalTriggerLoop"/> calls the same handler.
/// </summary>
public static class SweepDueWorkTrigger
{
    public const string FunctionName = "SweepDueWork";

    public sealed record InvocationResponse(JsonObject Outputs, IReadOnlyList<string> Logs, SweepResult ReturnValue);

    public static IEndpointRouteBuilder MapSweepDueWork(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{FunctionName}", async (JsonObject? invocation, DueWorkSweeper sweeper, CancellationToken ct) =>
            {
                var result = await sweeper.SweepAsync(ct);
                return TypedResults.Ok(new InvocationResponse([],
                    [$"Woke {result.CyclesWoken} cycles; {result.TimerCommits} timer commits; {result.WakeUpsCleared} wake-ups cleared."], result));
            })
            .WithTags("Triggers")
            .WithSummary("Timer trigger: fire due timers and send queued email");
        return app;
    }
}
