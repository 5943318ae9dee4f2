using Maca.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>
/// The app in-process, pointed at the real Azurite and maildev the fixtures started.
/// Each factory gets its own storage name prefix, so tests never see each other's data.
/// </summary>
public sealed class MacaAppFactory(AzuriteFixture azurite, MaildevFixture maildev, IDictionary<string, string?>? overrides = null)
    : WebApplicationFactory<Program>
{
    public string NamePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = Settings(azurite, maildev, NamePrefix);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>The settings of an app on the fixtures' Azurite and maildev, under its own storage name prefix.</summary>
    public static Dictionary<string, string?> Settings(AzuriteFixture azurite, MaildevFixture maildev,
        string? namePrefix = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:NamePrefix"] = namePrefix ?? "t" + Guid.NewGuid().ToString("N")[..10],
            ["Storage:RetryDelay"] = "00:00:00.050",
            ["Email:Transport"] = "Smtp",
            ["Email:FromAddress"] = "maca@partnership.example",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = maildev.SmtpPort.ToString(),
            ["Retention:RunLocally"] = "false",
            ["Seeds:LoadDemo"] = "false",
        };
        foreach (var (key, value) in TestAccess.Settings()) settings[key] = value;
        return settings;
    }
}

public static class MacaAppFactoryExtensions
{
    /// <summary>Settings for the app as a child process on the fixtures' Azurite and maildev, with its own name prefix.</summary>
    public static Dictionary<string, string> ChildProcessSettings(AzuriteFixture azurite, MaildevFixture maildev) => new()
    {
        ["Storage:ConnectionString"] = azurite.ConnectionString,
        ["Storage:NamePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
        ["Email:Smtp:Port"] = maildev.SmtpPort.ToString(),
        ["Retention:RunLocally"] = "false",
        ["Seeds:LoadDemo"] = "false",
    };

    /// <summary>A client signed in as the test coordinator, with a bearer token as a tool would be.</summary>
    public static CycleClient CreateCycleClient(this MacaAppFactory factory) => new(factory.CreateCoordinatorClient());

    public static HttpClient CreateCoordinatorClient(this WebApplicationFactory<Program> factory, string email = TestAccess.CoordinatorEmail,
        bool followRedirects = true)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Authorization = TestAccess.Header(email);
        return client;
    }
}

/// <summary>Tests that need the whole app share one Azurite and one maildev.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<MaildevFixture>
{
    public const string Name = "App";
}
