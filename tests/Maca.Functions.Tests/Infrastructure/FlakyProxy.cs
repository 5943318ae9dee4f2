using Microsoft.AspNetCore.Http;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>
/// An HTTP proxy in front of a real server that first answers a set number of requests with 503
/// (as an overloaded storage service does), then forwards everything unchanged.
/// </summary>
public sealed class FlakyProxy : IAsyncDisposable
{
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
        { "Content-Type", "Content-Length", "Content-MD5", "Content-Encoding", "Content-Language" };
    private readonly HttpClient _forward = new();
    private readonly Uri _target;
    private int _failuresLeft;
    private int _requests;
    private LoopbackServer? _server;

    private FlakyProxy(Uri target, int failures)
    {
        _target = target;
        _failuresLeft = failures;
    }

    public int Port => _server!.Port;
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FlakyProxy> StartAsync(Uri target, int failures)
    {
        var proxy = new FlakyProxy(target, failures);
        proxy._server = await LoopbackServer.StartAsync(context => proxy.HandleAsync(context, proxy._target));
        return proxy;
    }

    private async Task HandleAsync(HttpContext context, Uri target)
    {
        Interlocked.Increment(ref _requests);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            // As the Table service answers: the code in a header and an OData error body.
            context.Response.StatusCode = 503;
            context.Response.Headers["x-ms-error-code"] = "ServerBusy";
            context.Response.ContentType = "application/json;odata=minimalmetadata";
            await context.Response.WriteAsync("{\"odata.error\":{\"code\":\"ServerBusy\",\"message\":{\"lang\":\"en-US\",\"value\":\"The server is busy.\"}}}");
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
        if (_server is not null) await _server.DisposeAsync();
        _forward.Dispose();
    }
}
