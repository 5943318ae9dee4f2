using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Maca.Functions.Cycles;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Access;

/// <summary>The rules behind the matrix: what a link may do, who the history names, and what the app never trusts.</summary>
[Collection(AppCollection.Name)]
public sealed partial class AccessRulesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static object Nomination(string agency, string caseRef) => new
    {
        agencyCode = agency, caseRef, ageBand = "Under 1", gender = "Male", ethnicity = "White", disability = false,
        agenciesInvolved = new[] { agency }, reason = "Bruising noticed at nursery",
    };

    [Fact]
    public async Task TheLinkInTheFirstEmailOpensThatAgencysScopeAndNothingElse()
    {
        await using var world = await AccessWorld.CreateAsync(azurite, maildev);
        var (_, url) = await maildev.EmailWithLinkAsync(world.CycleA, "NominationRequest", "qa@pol.pa.example");
        Assert.StartsWith("http://localhost:7071/links/", url); // App:PublicBaseUrl, not the request's host

        var police = world.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await police.GetAsync(new Uri(url).PathAndQuery)).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await police.PostAsJsonAsync($"/api/cycles/{world.CycleA}/raiseEvent/NominateCase", Nomination("POL", "LINK-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/cycles/{world.CycleA}/raiseEvent/NominateCase", Nomination("CSC", "LINK-2"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PostAsJsonAsync($"/api/cycles/{world.CycleA}/raiseEvent/CloseNominations", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.PostAsJsonAsync($"/api/cycles/{world.CycleB}/raiseEvent/NominateCase", Nomination("POL", "LINK-3"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/cycles/{world.CycleA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/partnerships/pa")).StatusCode);

        var history = (await world.App.CreateCycleClient().StatusAsync(world.CycleA, history: true))["historyEvents"]!.AsArray();
        var nominated = history.Where(e => e!["eventType"]!.GetValue<string>() == "CaseNominated").ToList();
        Assert.Equal("agency:POL", Assert.Single(nominated)!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheHistoryNamesTheSignedInCoordinatorNeverWhatTheBodySays()
    {
        await using var world = await AccessWorld.CreateAsync(azurite, maildev);
        var jo = world.Clients[Caller.CoordinatorA];
        Assert.Equal(HttpStatusCode.Accepted, (await jo.PostAsJsonAsync($"/api/cycles/{world.CycleA}/raiseEvent/NominateCase", Nomination("POL", "BODY-1"))).StatusCode);

        var history = (await world.App.CreateCycleClient().StatusAsync(world.CycleA, history: true))["historyEvents"]!.AsArray();
        var nominated = history.Single(e => e!["eventType"]!.GetValue<string>() == "CaseNominated");
        Assert.Equal($"coordinator:{AccessWorld.CoordinatorA}", nominated!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACoordinatorListsOnlyTheirOwnPartnershipsCycles()
    {
        await using var world = await AccessWorld.CreateAsync(azurite, maildev);
        async Task<List<string>> Ids(Caller caller, string query = "") =>
            (await world.Clients[caller].GetFromJsonAsync<JsonObject>($"/api/cycles{query}"))!["items"]!.AsArray()
                .Select(i => i!["instanceId"]!.GetValue<string>()).ToList();

        Assert.Contains(world.CycleA, await Ids(Caller.CoordinatorA));
        Assert.DoesNotContain(world.CycleB, await Ids(Caller.CoordinatorA));
        Assert.Empty(await Ids(Caller.CoordinatorA, "?partnershipId=pb"));
        Assert.Empty(await Ids(Caller.Admin));
    }

    [Fact]
    public async Task APurgeIsRecordedInThePartnershipsAuditLogWhichOutlivesIt()
    {
        await using var world = await AccessWorld.CreateAsync(azurite, maildev);
        var jo = world.Clients[Caller.CoordinatorA];
        await jo.PostAsync($"/api/cycles/{world.CycleA}/terminate?reason=Started%20by%20mistake", null);
        Assert.Equal(HttpStatusCode.OK, (await jo.DeleteAsync($"/api/cycles/{world.CycleA}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await jo.GetAsync($"/api/cycles/{world.CycleA}")).StatusCode);
        var entry = Assert.Single(await world.App.Services.GetRequiredService<PartnershipAuditLog>().ForPartnershipAsync("pa", default));
        Assert.Equal(("CyclePurged", world.CycleA, $"coordinator:{AccessWorld.CoordinatorA}"), (entry.Action, entry.CycleId, entry.Actor));
    }

    [Fact]
    public async Task ManagementUrlsComeFromThePublicBaseUrlNotTheHostHeader()
    {
        await using var world = await AccessWorld.CreateAsync(azurite, maildev);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cycles/{world.CycleA}/suspend");
        request.Headers.Host = "attacker.example";
        var response = await world.Clients[Caller.CoordinatorA].SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.StartsWith("http://localhost:7071/api/cycles/", body!["statusQueryGetUri"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStateChangeWithABodyThatIsNotJsonIsRefusedWith415()
    {
        await using var world = await AccessWorld.CreateAsync(azurite, maildev);
        var form = new StringContent("agencyCode=CSC&caseRef=FORM-1", Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await world.Clients[Caller.LinkA].PostAsync($"/api/cycles/{world.CycleA}/raiseEvent/NominateCase", form);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task CrossOriginRequestsAreNeverGrantedCors()
    {
        await using var world = await AccessWorld.CreateAsync(azurite, maildev);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/cycles/{world.CycleA}/raiseEvent/NominateCase");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        var response = await world.Clients[Caller.CoordinatorA].SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task TokensForStrangersOrSignedWithAnotherKeyAreRefused()
    {
        await using var world = await AccessWorld.CreateAsync(azurite, maildev);
        var stranger = world.App.CreateClient();
        stranger.DefaultRequestHeaders.Authorization = TestAccess.Header("nobody@else.example");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/cycles")).StatusCode);

        var forged = world.App.CreateClient();
        var otherKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("a-different-key-a-different-key-32b"));
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Maca.Functions.Access.BearerTokens.Mint(
            new() { SigningKey = otherKey }, AccessWorld.CoordinatorA, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/cycles")).StatusCode);
    }

    [Fact]
    public async Task TheAppServicePrincipalHeaderIsIgnoredUnlessTheAppIsConfiguredToTrustIt()
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $$"""{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"{{TestAccess.CoordinatorEmail}}"}]}"""));
        await using (var untrusting = new MacaAppFactory(azurite, maildev))
        {
            var client = untrusting.CreateClient();
            client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", header);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cycles")).StatusCode);
        }
        await using var trusting = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?> { ["Access:TrustAppServiceAuthentication"] = "true" });
        var behindAppService = trusting.CreateClient();
        behindAppService.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", header);
        Assert.Equal(HttpStatusCode.OK, (await behindAppService.GetAsync("/api/cycles")).StatusCode);
    }
}
