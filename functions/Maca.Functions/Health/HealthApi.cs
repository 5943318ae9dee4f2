using Azure;
using Maca.Functions.Email;
using Maca.Functions.Engine;
using Maca.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Maca.Functions.Health;

public static class HealthApi
{
    public sealed record StorageHealth(string Tables, string Blobs, string Queues);
    public sealed record EmailHealth(string Transport, string Status);
    public sealed record EngineHealth(string TaskHub, string Status);
    public sealed record HealthReport(string Status, StorageHealth Storage, EmailHealth Email, EngineHealth Engine);

    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Open to probes: it says only whether each dependency answers.
        var group = app.MapGroup("/api/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/", CheckAsync).WithSummary("Is the app, its storage, its email transport and its workflow engine working?");
        return group;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        [FromKeyedServices(StorageClients.Probe)] StorageAccount probe, IEmailSender email, DurableEngineProbe engine,
        CancellationToken ct)
    {
        // A probe answers fast: clients without retries, and a short deadline.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));

        var tables = Probe(() => probe.PingAsync(StorageService.Table, deadline.Token));
        var blobs = Probe(() => probe.PingAsync(StorageService.Blob, deadline.Token));
        var queues = Probe(() => probe.PingAsync(StorageService.Queue, deadline.Token));
        var mail = email.CheckAsync(deadline.Token);
        var workflow = engine.CheckAsync(deadline.Token);
        await Task.WhenAll(tables, blobs, queues, mail, workflow);

        var storage = new StorageHealth(tables.Result, blobs.Result, queues.Result);
        var healthy = new[] { storage.Tables, storage.Blobs, storage.Queues, mail.Result, workflow.Result }.All(s => s == "ok");
        var report = new HealthReport(healthy ? "ok" : "unhealthy", storage, new EmailHealth(email.Transport, mail.Result),
            new EngineHealth(engine.TaskHubName, workflow.Result));
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> Probe(Func<Task> check)
    {
        try { await check(); return "ok"; }
        catch (OperationCanceledException) { return "error: no answer within 5 seconds"; }
        // Only the status: a probe anyone may call says nothing about the account, its endpoints or its data.
        catch (RequestFailedException ex) when (ex.Status > 0) { return $"error: the service answered {ex.Status} {ex.ErrorCode}"; }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
        {
            return "error: cannot connect";
        }
    }
}
