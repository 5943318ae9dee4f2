using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;

namespace Maca.Functions.Tests.Health;

[Collection(AppCollection.Name)]
public sealed class HealthApiTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task HealthIsOkWhenStorageEmailAndTheEngineAnswer()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var response = await app.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = JsonNode.Parse($$$"""
            {"status":"ok","storage":{"tables":"ok","blobs":"ok","queues":"ok"},"email":{"transport":"smtp","status":"ok"},
             "engine":{"taskHub":"{{{app.NamePrefix}}}maca","status":"ok"}}
            """);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(body)), body);
    }

    [Fact]
    public async Task HealthIs503AndNamesTheStorageErrorWhenStorageIsDown()
    {
        var dead = FreePort.Next();
        await using var app = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteProcess.ConnectionStringFor(dead, dead, dead),
        });
        var response = await app.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var storage = json.RootElement.GetProperty("storage");
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        foreach (var service in new[] { "tables", "blobs", "queues" })
            Assert.StartsWith("error:", storage.GetProperty(service).GetString());
        Assert.StartsWith("error:", json.RootElement.GetProperty("engine").GetProperty("status").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("email").GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthIs503AndNamesTheMailServerWhenEmailIsDown()
    {
        var dead = FreePort.Next();
        await using var app = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?> { ["Email:Smtp:Port"] = dead.ToString() });
        var response = await app.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("storage").GetProperty("tables").GetString());
        Assert.Contains($"127.0.0.1:{dead}", json.RootElement.GetProperty("email").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheHealthEndpoint()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/health", out _));
    }

    [Theory]
    [InlineData("Email:FromAddress", "", "Email:FromAddress")]
    [InlineData("Storage:ConnectionString", "", "Storage:ConnectionString")]
    [InlineData("Storage:NamePrefix", "Bad-Prefix", "Storage:NamePrefix")]
    public async Task AMissingOrBadSettingStopsTheProcessAndNamesTheSetting(string key, string value, string named)
    {
        // A real process, as an operator would see it: it exits during start-up and says which setting is wrong.
        var settings = MacaAppFactoryExtensions.ChildProcessSettings(azurite, maildev);
        settings[key] = value;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Maca.Testing.AppProcess.StartAsync(settings));
        Assert.Contains("exited during start-up", error.Message);
        Assert.Contains(named, error.Message);
    }
}
