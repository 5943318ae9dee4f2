namespace Maca.Functions.Hosting;

public static class CustomHandlerPort
{
    public const int LocalPort = 7071;

    /// <summary>
    /// Under the Functions host the app listens on the port it is handed (FUNCTIONS_CUSTOMHANDLER_PORT);
    /// on its own it listens on 7071, unless --urls or ASPNETCORE_URLS says otherwise.
    /// </summary>
    public static void ListenOnCustomHandlerPort(this WebApplicationBuilder builder)
    {
        var handlerPort = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT");
        if (!string.IsNullOrEmpty(handlerPort))
        {
            if (!int.TryParse(handlerPort, out var port) || port is < 1 or > 65535)
                throw new InvalidOperationException($"FUNCTIONS_CUSTOMHANDLER_PORT must be a port number; it is '{handlerPort}'.");
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls($"http://localhost:{LocalPort}");
        }
    }
}
