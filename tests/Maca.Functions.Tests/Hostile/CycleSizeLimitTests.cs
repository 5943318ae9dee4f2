using System.Net;
using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Hostile;

/// <summary>A cycle never takes on more than one storage transaction can save: the limit is stated, not found by a 500.</summary>
[Collection(AppCollection.Name)]
public sealed class CycleSizeLimitTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    [Fact]
    public async Task TwentyAgenciesRunThroughSelectionAndFiftyAreRefusedWithTheLimitNamed()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        var fifty = Enumerable.Range(0, 50).Select(i => $"AG{i:D2}").ToArray();
        var twenty = fifty[..20];
        await api.SeedPartnershipAsync("many", fifty, "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));

        var refused = await api.SendAsync(HttpMethod.Post, "/api/cycles",
            new { partnershipId = "many", theme = "Neglect", auditType = "InDepth", agencyCodes = fifty, targetCases = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at most 20 agencies", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Empty((await api.OkJsonAsync(HttpMethod.Get, "/api/cycles?partnershipId=many"))["items"]!.AsArray());

        var id = await api.StartAsync(new { partnershipId = "many", theme = "Neglect", auditType = "InDepth", agencyCodes = twenty, targetCases = 3 });
        await api.NominateAsync(id, "AG00", "MANY-1", "Under 1", "Male", "White", false, twenty);
        await api.RaiseAsync(id, "CloseNominations");
        await api.RaiseAsync(id, "SelectCases", new { cases = new[] { new { caseRef = "MANY-1", agenciesInScope = twenty } } });
        Assert.Equal("AwaitingSubmissions", (await api.StatusAsync(id))["customStatus"]!["phase"]!.GetValue<string>());
    }
}
