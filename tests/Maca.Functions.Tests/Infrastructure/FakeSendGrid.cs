using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>
/// A local HTTP server that answers POST /v3/mail/send the way SendGrid does. Each test scripts the answers
/// in order (202, 400, 401, 413, 429 with rate-limit headers, 5xx, or a hang); the last one repeats.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    public sealed record Received(string Path, string? Authorization, string Body);

    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private Func<HttpContext, Task> _last = Accepted("default-id");
    private LoopbackServer? _server;

    public Uri BaseUrl => _server!.BaseUrl;
    public ConcurrentBag<Received> Requests { get; } = [];

    public static async Task<FakeSendGrid> StartAsync(params Func<HttpContext, Task>[] answers)
    {
        var fake = new FakeSendGrid();
        foreach (var answer in answers) fake._script.Enqueue(answer);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        Requests.Add(new Received(context.Request.Path, context.Request.Headers.Authorization, await reader.ReadToEndAsync()));
        if (_script.TryDequeue(out var next)) _last = next;
        await _last(context);
    }

    public static Func<HttpContext, Task> Accepted(string messageId) => context =>
    {
        context.Response.StatusCode = 202;
        context.Response.Headers["X-Message-ID"] = messageId;
        return Task.CompletedTask;
    };

    public static Func<HttpContext, Task> Error(int status, string message, string? field = null) => context =>
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { errors = new[] { new { message, field, help = (string?)null } } });
    };

    public static Func<HttpContext, Task> RateLimited(DateTimeOffset reset) => context =>
    {
        context.Response.StatusCode = 429;
        context.Response.Headers["X-RateLimit-Limit"] = "600";
        context.Response.Headers["X-RateLimit-Remaining"] = "0";
        context.Response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString();
        return context.Response.WriteAsJsonAsync(new { errors = new[] { new { message = "too many requests" } } });
    };

    public static Func<HttpContext, Task> ServerError(int status = 503) => context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    /// <summary>Never answers: the client's own timeout must give up.</summary>
    public static Func<HttpContext, Task> Hang() => context => Task.Delay(Timeout.Infinite, context.RequestAborted);

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
