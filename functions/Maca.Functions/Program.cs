using Maca.Functions.Access;
using Maca.Functions.Hosting;

// The local entry: Kestrel on http://localhost:7071, with the engine on Azurite in this process. The Azure entry
// (../Maca.Functions.Azure) runs the same services and the same pipeline under the Functions isolated worker.
var builder = WebApplication.CreateBuilder(args);

builder.ListenOnLocalPort();
builder.AddMacaServices();
builder.AddAccess();

var app = builder.Build();

app.UseMacaMiddleware();
app.MapMacaEndpoints(app.Environment);

app.Run();

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
