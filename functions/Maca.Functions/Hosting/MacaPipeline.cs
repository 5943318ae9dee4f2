using Maca.Functions.Access;
using Maca.Functions.Access.Links;
using Maca.Functions.Cycles;
using Maca.Functions.DevClock;
using Maca.Functions.Documents;
using Maca.Functions.Directory;
using Maca.Functions.Health;
using Maca.Functions.Input;
using Maca.Functions.Retention;

namespace Maca.Functions.Hosting;

/// <summary>
/// The app's middleware and endpoints, one list for both entries: the local entry runs them on its WebApplication;
/// the Azure entry builds them on an ApplicationBuilder of the worker's services and runs them from its catch-all
/// HTTP function.
/// </summary>
public static class MacaPipeline
{
    public static void UseMacaMiddleware(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(); // the API's empty errors become ProblemDetails
        // A person in a browser gets a page that says what happened and what to do, with the same status code.
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseMiddleware<RequestSizeLimit>();
        app.UseStaticFiles(); // GOV.UK Frontend assets and our own CSS/JS: public, and served before any sign-in check
        app.UseRouting(); // after the status pages, so a re-executed error page is routed afresh
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static void MapMacaEndpoints(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealth();
        app.MapDirectory();
        app.MapCycles();
        app.MapDocuments();
        app.MapMagicLinks();
        app.MapSignOut();
        app.MapRazorPages();
        if (environment.IsDevelopment())
        {
            app.MapRetentionRun();
            app.MapDevelopmentTokens();
            app.MapDevClock();
            app.MapDevMetrics();
        }
    }
}
