using Maca.Functions.Health;
using Maca.Functions.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.ListenOnCustomHandlerPort();
builder.AddMacaServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapHealth();

app.Run();

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
