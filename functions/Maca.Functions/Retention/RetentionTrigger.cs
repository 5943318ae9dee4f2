using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Maca.Functions.Retention;

/// <summary>
/// The retention timer, in the Functions custom-handler shape: the host POSTs /RunRetention with {Data, Metadata}
/// and reads {Outputs, Logs, ReturnValue}. Locally <see cref="RetentionSchedule"/> runs the same job every hour.
/// It is mapped only under the Functions host (whose handler port is private to it, and whose proxied HTTP routes
/// never reach this path) or in Development; anywhere else there is no such route.
/// </summary>
public static class RetentionTrigger
{
    public const string FunctionName = "RunRetention";

    public sealed record RetentionResult(int CyclesPurgedUnderRetention);

    /// <summary>Named exactly as the host reads them, whatever the app's JSON naming policy.</summary>
    public sealed record InvocationResponse(
        [property: JsonPropertyName("Outputs")] JsonObject Outputs,
        [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
        [property: JsonPropertyName("ReturnValue")] RetentionResult ReturnValue);

    public static bool IsReachable(IHostEnvironment environment) =>
        environment.IsDevelopment()
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT"));

    public static IEndpointRouteBuilder MapRetentionTrigger(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{FunctionName}", async (JsonObject? invocation, RetentionJob retention, CancellationToken ct) =>
            {
                var purged = await retention.RunIfDueAsync(ct);
                return TypedResults.Ok(new InvocationResponse([],
                    [$"{purged} cycles' files removed under retention."], new RetentionResult(purged)));
            })
            .AllowAnonymous()
            .WithTags("Triggers")
            .WithSummary("Timer trigger: once a day, remove the files of finished audits past their retention period");
        return app;
    }
}

/// <summary>Plays the Functions host's retention timer locally, when Retention:RunLocally is on.</summary>
public sealed partial class RetentionSchedule(RetentionJob retention, IConfiguration configuration,
    ILogger<RetentionSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("Retention:RunLocally")) return;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await retention.RunIfDueAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { LogFailed(ex); }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The retention job failed; it runs again within the hour")]
    private partial void LogFailed(Exception ex);
}
