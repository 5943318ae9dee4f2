using Maca.Functions.Email;
using Maca.Functions.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Maca.Functions.Health;

public static class HealthApi
{
    public sealed record StorageHealth(string Tables, string Blobs, string Queues);
    public sealed record EmailHealth(string Transport, string Status);
    public sealed record HealthReport(string Status, StorageHealth Storage, EmailHealth Email);

    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/health").WithTags("Health");
        group.MapGet("/", CheckAsync).WithSummary("Is the app, its storage and its email transport working?");
        return group;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        StoragePipeline pipeline, IOptions<StorageOptions> storageOptions, IEmailSender email,
        StorageTransactionCounter counter, CancellationToken ct)
    {
        // A probe answers fast: its own pipeline without retries, and a short deadline.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        var probeOptions = new StorageOptions { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(4) };
        var probe = new StorageAccount(new StoragePipeline(pipeline.Connection, probeOptions, pipeline.Clock, counter));

        var tables = Probe(() => probe.PingAsync(StorageService.Table, deadline.Token));
        var blobs = Probe(() => probe.PingAsync(StorageService.Blob, deadline.Token));
        var queues = Probe(() => probe.PingAsync(StorageService.Queue, deadline.Token));
        var mail = email.CheckAsync(deadline.Token);
        await Task.WhenAll(tables, blobs, queues, mail);

        var storage = new StorageHealth(tables.Result, blobs.Result, queues.Result);
        var healthy = new[] { storage.Tables, storage.Blobs, storage.Queues, mail.Result }.All(s => s == "ok");
        var report = new HealthReport(healthy ? "ok" : "unhealthy", storage, new EmailHealth(email.Transport, mail.Result));
        return healthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> Probe(Func<Task> check)
    {
        try { await check(); return "ok"; }
        catch (OperationCanceledException) { return "error: no answer within 5 seconds"; }
        catch (Exception ex) { return "error: " + ex.Message; }
    }
}
