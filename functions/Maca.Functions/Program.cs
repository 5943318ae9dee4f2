using Maca.Functions.Access;
using Maca.Functions.Access.Links;
using Maca.Functions.Cycles;
using Maca.Functions.DevClock;
using Maca.Functions.Documents;
using Maca.Functions.Directory;
using Maca.Functions.Health;
using Maca.Functions.Hosting;
using Maca.Functions.Input;
using Maca.Functions.Retention;

var builder = WebApplication.CreateBuilder(args);

builder.ListenOnCustomHandlerPort();
builder.AddMacaServices();
builder.AddAccess();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages(); // the API's empty errors become ProblemDetails
// A person in a browser gets a page that says what happened and what to do, with the same status code.
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/" + RetentionTrigger.FunctionName),
    pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
app.UseMiddleware<RequestSizeLimit>();
app.UseStaticFiles(); // GOV.UK Frontend assets and our own CSS/JS: public, and served before any sign-in check
app.UseRouting(); // after the status pages, so a re-executed error page is routed afresh
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapHealth();
app.MapDirectory();
app.MapCycles();
app.MapDocuments();
app.MapMagicLinks();
app.MapSignOut();
app.MapRazorPages();
if (RetentionTrigger.IsReachable(app.Environment)) app.MapRetentionTrigger();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentTokens();
    app.MapDevClock();
    app.MapDevMetrics();
}

app.Run();

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
