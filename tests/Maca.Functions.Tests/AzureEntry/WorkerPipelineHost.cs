using Maca.IsolatedWorker;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.AzureEntry;

/// <summary>
/// The Functions worker's own ASP.NET Core pipeline as the isolated worker fixes it (forwarded headers, routing, one
/// endpoint per HTTP function), with the Azure entry's services, and the catch-all function called for every path
/// with the request's HttpContext, its IResult executed as the worker executes it. Only the host's Durable extension
/// is played by the local engine, since the host cannot run here.
/// </summary>
public sealed class WorkerPipelineHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WorkerPipelineHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static async Task<WorkerPipelineHost> StartAsync(AzuriteFixture azurite, MaildevFixture maildev)
    {
        var app = Path.Combine(RepoPaths.Root, "functions", "Maca.Functions");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development", ContentRootPath = app, WebRootPath = Path.Combine(app, "wwwroot"),
        });
        builder.WebHost.UseTestServer();
        foreach (var (key, value) in MacaAppFactory.Settings(azurite, maildev)) builder.Configuration[key] = value;
        builder.AddAzureEntry(engineFromHost: false);

        var web = builder.Build();
        // Only what the worker's pipeline has: WebApplication would add authentication and authorization of its own.
        ((IApplicationBuilder)web).Properties["__AuthenticationMiddlewareSet"] = true;
        ((IApplicationBuilder)web).Properties["__AuthorizationMiddlewareSet"] = true;
        web.UseForwardedHeaders();
        web.UseRouting();
        web.MapMethods("/{*path}", ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"], async http =>
        {
            var function = ActivatorUtilities.CreateInstance<AppFunction>(http.RequestServices);
            var bound = http.RequestServices.GetRequiredService<DurableTaskClient>();
            await function.Run(http.Request, bound).ExecuteAsync(http);
        }).AllowAnonymous(); // as in the worker, a function endpoint asks nothing: the app's own pipeline decides
        await web.StartAsync();
        return new WorkerPipelineHost(web);
    }

    /// <summary>A browser-like client: it keeps cookies and follows redirects, as WebApplicationFactory's.</summary>
    public HttpClient CreateClient(bool followRedirects = true)
    {
        HttpMessageHandler handler = _app.GetTestServer().CreateHandler();
        handler = new CookieContainerHandler { InnerHandler = handler };
        if (followRedirects) handler = new RedirectHandler { InnerHandler = handler };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
