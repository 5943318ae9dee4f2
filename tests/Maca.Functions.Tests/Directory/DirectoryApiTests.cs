using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;

namespace Maca.Functions.Tests.Directory;

[Collection(AppCollection.Name)]
public sealed class DirectoryApiTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static object Partnership(string coordinator = "coordinator@p.example") => new
    {
        name = "Riverside SCP", coordinatorEmail = coordinator, managerEmail = "manager@p.example",
        learningDevelopmentEmail = "learning@p.example", retentionDays = 365, themes = new[] { "Neglect" },
    };

    [Fact]
    public async Task APartnershipAndItsAgenciesCanBeCreatedReadChangedAndRemoved()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var http = app.CreateCoordinatorClient();
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync("/api/partnerships/riverside", Partnership())).StatusCode);
        var agency = new { name = "Police", leadEmail = "lead@pol.example", qaEmail = "qa@pol.example", seniorEmail = "senior@pol.example" };
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync("/api/partnerships/riverside/agencies/POL", agency)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync("/api/partnerships/riverside/agencies/POL", agency with { name = "Constabulary" })).StatusCode);

        var agencies = JsonNode.Parse(await http.GetStringAsync("/api/partnerships/riverside/agencies"))!.AsArray();
        Assert.Equal("Constabulary", Assert.Single(agencies)!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/partnerships/riverside/agencies/POL")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/partnerships/riverside/agencies/POL")).StatusCode);
    }

    [Fact]
    public async Task BadValuesAreRefusedFieldByFieldAndNothingIsSaved()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var http = app.CreateCoordinatorClient();
        var response = await http.PutAsJsonAsync("/api/partnerships/riverside", Partnership("not-an-email"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["coordinatorEmail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/partnerships/riverside")).StatusCode);

        await http.PutAsJsonAsync("/api/partnerships/riverside", Partnership());
        var badAgency = await http.PutAsJsonAsync("/api/partnerships/riverside/agencies/police",
            new { name = "", leadEmail = "lead@pol.example", qaEmail = "qa@pol.example", seniorEmail = "senior@pol.example" });
        var errors = JsonNode.Parse(await badAgency.Content.ReadAsStringAsync())!["errors"]!;
        Assert.NotNull(errors["code"]);
        Assert.NotNull(errors["name"]);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PutAsJsonAsync("/api/partnerships/nowhere/agencies/POL",
            new { name = "Police", leadEmail = "lead@pol.example", qaEmail = "qa@pol.example", seniorEmail = "senior@pol.example" })).StatusCode);
    }

    [Fact]
    public async Task StartingAnAuditInANewPartnershipSaysWhatItStillNeeds()
    {
        const string admin = "admin@directory.example";
        await using var app = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?>
        {
            ["Access:Coordinators:1:Email"] = admin, ["Access:Coordinators:1:Partnerships:0"] = "demo",
            ["Access:Coordinators:1:Admin"] = "true",
        });
        var administrator = app.CreateCoordinatorClient(admin);
        var created = await administrator.PutAsJsonAsync("/api/partnerships/newcomer", Partnership());
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var start = new
        {
            partnershipId = "newcomer", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" },
            targetCases = 2,
        };

        // The administrator who created it does not run its audits: told so, not told it does not exist.
        var notTheirs = await administrator.PostAsJsonAsync("/api/cycles", start);
        var refusal = JsonNode.Parse(await notTheirs.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Contains("Access:Coordinators", refusal["detail"]!.GetValue<string>());

        // Its coordinator is told it needs agencies first.
        var noAgencies = await app.CreateCoordinatorClient().PostAsJsonAsync("/api/cycles", start);
        var problem = JsonNode.Parse(await noAgencies.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, noAgencies.StatusCode);
        var why = problem["errors"]!["agencyCodes"]![0]!.GetValue<string>();
        Assert.Contains("has no agencies in the directory yet", why);
    }

    [Fact]
    public async Task ACycleCanOnlyUseTheBoardsThemesAndItsOwnAgencies()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("themes", ["CSC", "POL"], "Neglect");
        var wrongTheme = await api.SendAsync(HttpMethod.Post, "/api/cycles", new { partnershipId = "themes", theme = "Knife crime", auditType = "Desktop", agencyCodes = new[] { "CSC", "POL" }, targetCases = 2 });
        var wrongAgency = await api.SendAsync(HttpMethod.Post, "/api/cycles", new { partnershipId = "themes", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC", "FIRE" }, targetCases = 2 });
        var noPartnership = await api.SendAsync(HttpMethod.Post, "/api/cycles", new { partnershipId = "nowhere", theme = "Neglect", auditType = "Desktop", agencyCodes = new[] { "CSC" }, targetCases = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, wrongTheme.StatusCode);
        Assert.Contains("theme", await wrongTheme.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongAgency.StatusCode);
        Assert.Contains("FIRE", await wrongAgency.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, noPartnership.StatusCode);
    }
}
