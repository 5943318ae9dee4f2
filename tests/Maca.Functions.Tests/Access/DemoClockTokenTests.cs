using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;

namespace Maca.Functions.Tests.Access;

/// <summary>Bearer tokens are issued and judged by one clock, so moving the demo clock never locks anyone out.</summary>
[Collection(AppCollection.Name)]
public sealed class DemoClockTokenTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task AFreshTokenSignsInAfterTheDemoClockHasMovedForward()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var before = app.CreateCycleClient();
        await before.OkJsonAsync(HttpMethod.Post, "/api/dev/clock/advance", new { days = 5 });

        var tool = app.CreateClient();
        var issued = await tool.PostAsJsonAsync("/api/dev/token", new { email = TestAccess.CoordinatorEmail });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var token = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        tool.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var fresh = await tool.GetAsync("/api/dev/clock");
        Assert.True(fresh.StatusCode == HttpStatusCode.OK, $"{(int)fresh.StatusCode} {fresh.Headers.WwwAuthenticate}");
        // The token issued before the clock moved is judged by the same clock, so it still works too.
        await before.OkJsonAsync(HttpMethod.Get, "/api/dev/clock");
    }
}
