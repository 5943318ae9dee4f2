using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Maca.Testing;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>
/// An HTTP proxy in front of a real server that first answers a set number of requests with 503
/// (as an overloaded storage service does), then forwards everything unchanged.
/// </summary>
public sealed class FlakyProxy : IAsyncDisposable
{
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
        { "Content-Type", "Content-Length", "Content-MD5", "Content-Encoding", "Content-Language" };
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new();
    private int _failuresLeft;
    private int _requests;

    private FlakyProxy(Uri target, int failures)
    {
        _failuresLeft = failures;
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.Run(context => HandleAsync(context, target));
    }

    public int Port { get; }
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FlakyProxy> StartAsync(Uri target, int failures)
    {
        var proxy = new FlakyProxy(target, failures);
        await proxy._app.StartAsync();
        return proxy;
    }

    private async Task HandleAsync(HttpContext context, Uri target)
    {
        Interlocked.Increment(ref _requests);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            context.Response.StatusCode = 503;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><Error><Code>ServerBusy</Code><Message>The server is busy.</Message></Error>");
            return;
        }
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            new Uri(target, context.Request.Path + context.Request.QueryString));
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (body.Length > 0 || context.Request.ContentLength == 0) request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)) continue;
            if (ContentHeaders.Contains(name)) request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            else request.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        using var response = await _forward.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                context.Response.Headers[name] = values.ToArray();
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _forward.Dispose();
    }
}
