namespace Maca.Functions.Hosting;

public static class LocalPort
{
    public const int Number = 7071;

    /// <summary>The port Functions uses locally, unless --urls or ASPNETCORE_URLS says otherwise.</summary>
    public static void ListenOnLocalPort(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls($"http://localhost:{Number}");
    }
}
