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

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestSizeLimit>();

app.MapOpenApi();
app.MapHealth();
app.MapDirectory();
app.MapCycles();
app.MapSweepDueWork();
if (app.Environment.IsDevelopment())
{
    app.MapDevClock();
    app.MapDevMetrics();
}

app.Run();

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
