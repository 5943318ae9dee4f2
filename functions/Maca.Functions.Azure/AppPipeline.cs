using Maca.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Maca.IsolatedWorker;

/// <summary>
/// The app's own ASP.NET Core pipeline (the same middleware and endpoints as the local entry), built once on the
/// worker's services and run by the catch-all function against the request's HttpContext.
/// </summary>
public sealed class AppPipeline(IServiceProvider services, IHostEnvironment environment)
{
    private readonly Lazy<RequestDelegate> _pipeline = new(() =>
    {
        var app = new ApplicationBuilder(services);
        app.UseMacaMiddleware();
        app.UseEndpoints(endpoints => endpoints.MapMacaEndpoints(environment));
        return app.Build();
    });

    public Task RunAsync(HttpContext http)
    {
        // The worker's routing matched its function endpoint ({*path}); our routing skips matching while an endpoint is
        // set, so forget it and its route values and let the app's routing match afresh.
        http.SetEndpoint(null);
        http.Request.RouteValues.Clear();
        http.Features.Set<IRouteValuesFeature>(null);
        return _pipeline.Value(http);
    }

    /// <summary>An IResult the worker executes after the function returns: it runs the app.</summary>
    public IResult AsResult() => new Run(this);

    private sealed class Run(AppPipeline pipeline) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => pipeline.RunAsync(httpContext);
    }
}
