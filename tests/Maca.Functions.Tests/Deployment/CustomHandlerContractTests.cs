using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;

namespace Maca.Functions.Tests.Deployment;

/// <summary>
/// The custom-handler protocol, tried on the published executable the way the Functions host drives it: started with
/// FUNCTIONS_CUSTOMHANDLER_PORT, proxied HTTP on the original paths, and the timer as an invocation.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CustomHandlerContractTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Storage:NamePrefix"] = "ch" + Guid.NewGuid().ToString("N")[..8],
        ["Storage:MaxRetries"] = "0",
        ["Email:Transport"] = "Smtp",
        ["Email:FromAddress"] = "maca@partnership.example",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = maildev.SmtpPort.ToString(),
    };

    private static readonly object Invocation = new
    {
        Data = new { timer = new { Schedule = new { AdjustForDST = true }, IsPastDue = false } },
        Metadata = new { sys = new { MethodName = "RunRetention", UtcNow = "2026-11-24T10:00:00Z" } },
    };

    [Fact]
    public async Task ThePublishedAppStartsOnTheHandlerPortAnswersProxiedPathsAndTheTimer()
    {
        // Started within the host's 30 seconds, or StartPublishedAsync fails.
        using var app = await AppProcess.StartPublishedAsync(Settings(azurite.ConnectionString));
        var anonymous = new HttpClient { BaseAddress = app.BaseUri };

        // Proxied requests arrive on their original paths (routePrefix ""), each behind a function.json route.
        foreach (var (path, status) in new[] { ("/api/health", HttpStatusCode.OK), ("/openapi/v1.json", HttpStatusCode.OK),
                     ("/assets/govuk-frontend.css", HttpStatusCode.OK), ("/api/cycles", HttpStatusCode.Unauthorized) })
        {
            Assert.Equal(status, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Contains(PublishedPackage.HttpRoutes(), route => route.IsMatch(path));
        }
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/api/cycles")).StatusCode); // a coordinator's token

        var ran = await anonymous.PostAsJsonAsync("/RunRetention", Invocation);
        Assert.Equal(HttpStatusCode.OK, ran.StatusCode);
        var answer = (await ran.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(["Logs", "Outputs", "ReturnValue"], answer.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.IsType<JsonArray>(answer["Logs"]);
        Assert.Equal(0, answer["ReturnValue"]!["cyclesPurgedUnderRetention"]!.GetValue<int>());

        // No proxied route reaches the trigger: only the host's own invocation does.
        Assert.DoesNotContain(PublishedPackage.HttpRoutes(), route => route.IsMatch("/RunRetention"));
    }

    [Fact]
    public async Task ATimerRunThatFailsAnswersWithAnErrorSoTheHostRecordsTheFailure()
    {
        // Storage that refuses every connection: a loopback port nothing listens on.
        var nowhere = AzuriteProcess.ConnectionStringFor(FreePort.Next(), FreePort.Next(), FreePort.Next());
        using var app = await AppProcess.StartPublishedAsync(Settings(nowhere));
        var ran = await new HttpClient { BaseAddress = app.BaseUri }.PostAsJsonAsync("/RunRetention", Invocation);
        // 503: storage is unavailable. Any non-2xx makes the host record the invocation as failed.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ran.StatusCode);
    }
}
