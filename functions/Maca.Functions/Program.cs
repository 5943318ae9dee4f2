using Maca.Functions.Access;
using Maca.Functions.Access.Links;
using Maca.Functions.Cycles;
using Maca.Functions.DevClock;
using Maca.Functions.Directory;
using Maca.Functions.Health;
using Maca.Functions.Hosting;
using Maca.Functions.Input;
using Maca.Functions.Sweeping;

var builder = WebApplication.CreateBuilder(args);

builder.ListenOnCustomHandlerPort();
builder.AddMacaServices();
builder.AddAccess();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestSizeLimit>();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapHealth();
app.MapDirectory();
app.MapCycles();
app.MapMagicLinks();
app.MapSignOut();
if (SweepDueWorkTrigger.IsReachable(app.Environment)) app.MapSweepDueWork();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentSignIn();
    app.MapDevClock();
    app.MapDevMetrics();
}

app.Run();

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
