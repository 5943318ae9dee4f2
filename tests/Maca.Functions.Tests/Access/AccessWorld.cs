using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Maca.Functions.Access;
using Maca.Functions.Access.Links;
using Maca.Functions.Tests.Infrastructure;
using Maca.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Maca.Functions.Tests.Access;

public enum Caller { Anonymous, CoordinatorA, CoordinatorB, Admin, LinkA, LinkB, ExpiredLink, RevokedLink, TamperedLink }

/// <summary>
/// Two partnerships (A and B), each with a cycle, and a client for every kind of caller: coordinators of A and of B,
/// a directory admin who runs no partnership, agency links for each cycle, and links that are expired, revoked or
/// tampered with. Everything is set up through the API, as people would.
/// </summary>
public sealed class AccessWorld : IAsyncDisposable
{
    public const string CoordinatorA = "jo@a.example", CoordinatorB = "sam@b.example", AdminEmail = "admin@platform.example";
    public const string PartnershipA = "pa", PartnershipB = "pb";
    public static readonly string[] Agencies = ["CSC", "POL"];

    private AccessWorld(MacaAppFactory app) => App = app;

    public MacaAppFactory App { get; }
    public string CycleA { get; private set; } = "";
    public string CycleB { get; private set; } = "";
    public string LinkAUrl { get; private set; } = "";
    public Dictionary<Caller, HttpClient> Clients { get; } = [];

    public static async Task<AccessWorld> CreateAsync(AzuriteFixture azurite, MaildevFixture maildev)
    {
        var world = new AccessWorld(new MacaAppFactory(azurite, maildev, new Dictionary<string, string?>
        {
            ["Access:Coordinators:1:Email"] = CoordinatorA, ["Access:Coordinators:1:Partnerships:0"] = PartnershipA,
            ["Access:Coordinators:2:Email"] = CoordinatorB, ["Access:Coordinators:2:Partnerships:0"] = PartnershipB,
            ["Access:Coordinators:3:Email"] = AdminEmail, ["Access:Coordinators:3:Admin"] = "true",
        }));
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        var setup = App.CreateCycleClient(); // the all-partnerships test coordinator sets the scene
        await setup.SeedPartnershipAsync(PartnershipA, Agencies, "Neglect");
        await setup.SeedPartnershipAsync(PartnershipB, Agencies, "Neglect");
        await setup.AdvanceToAsync(Cycles.CycleScript.Uk(2029, 10, 1, 10));
        CycleA = await setup.StartAsync(new { partnershipId = PartnershipA, theme = "Neglect", auditType = "InDepth", agencyCodes = Agencies, targetCases = 3 });
        CycleB = await setup.StartAsync(new { partnershipId = PartnershipB, theme = "Neglect", auditType = "InDepth", agencyCodes = Agencies, targetCases = 3 });

        // No client follows redirects, so a page's answer (a redirect to sign in, say) is what the matrix sees.
        Clients[Caller.Anonymous] = NewClient();
        Clients[Caller.CoordinatorA] = App.CreateCoordinatorClient(CoordinatorA, followRedirects: false);
        Clients[Caller.CoordinatorB] = App.CreateCoordinatorClient(CoordinatorB, followRedirects: false);
        Clients[Caller.Admin] = App.CreateCoordinatorClient(AdminEmail, followRedirects: false);
        LinkAUrl = await IssueAsync(setup, CycleA);
        // A link that works signs its holder in and sends them on to their tasks.
        Clients[Caller.LinkA] = await OpenAsync(LinkAUrl, HttpStatusCode.Redirect);
        Clients[Caller.LinkB] = await OpenAsync(await IssueAsync(setup, CycleB), HttpStatusCode.Redirect);

        // Revoked after it was opened: the session it opened must end too.
        var revoked = await setup.OkJsonAsync(HttpMethod.Post, $"/api/cycles/{CycleA}/links", new { agencyCode = "CSC", purpose = "Nominate" }, HttpStatusCode.Created);
        Clients[Caller.RevokedLink] = await OpenAsync(revoked["url"]!.GetValue<string>(), HttpStatusCode.Redirect);
        var revoke = await setup.SendAsync(HttpMethod.Post, $"/api/cycles/{CycleA}/links/{revoked["linkId"]!.GetValue<string>()}/revoke", new { });
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        // Expired: a real link row whose time has passed, signed with the app's own key.
        var expired = new IssuedLink("expired01", PartnershipA, CycleA, "CSC", LinkPurpose.Nominate, DateTimeOffset.UtcNow.AddDays(-1), []);
        await App.Services.GetRequiredService<MagicLinkStore>().IssueAsync(expired, DateTimeOffset.UtcNow.AddDays(-31), default);
        Clients[Caller.ExpiredLink] = await OpenAsync("/links/" + App.Services.GetRequiredService<MagicLinkSigner>().Sign(expired), HttpStatusCode.NotFound);

        // Tampered: link A's token with its scope rewritten to another agency, signature kept.
        Clients[Caller.TamperedLink] = await OpenAsync(Tamper(LinkAUrl), HttpStatusCode.NotFound);
    }

    private static async Task<string> IssueAsync(CycleClient coordinator, string cycleId) =>
        (await coordinator.OkJsonAsync(HttpMethod.Post, $"/api/cycles/{cycleId}/links", new { agencyCode = "CSC", purpose = "Nominate" },
            HttpStatusCode.Created))["url"]!.GetValue<string>();

    private HttpClient NewClient() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> OpenAsync(string url, HttpStatusCode expected)
    {
        var client = NewClient();
        var response = await client.GetAsync(new Uri(new Uri("http://localhost"), url).PathAndQuery);
        Assert.True(response.StatusCode == expected, $"Opening {url}: {(int)response.StatusCode}");
        return client;
    }

    public static string Tamper(string url)
    {
        var token = url[(url.LastIndexOf('/') + 1)..];
        var (body, signature) = (token.Split('.')[0], token.Split('.')[1]);
        var json = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(body)).Replace("\"CSC\"", "\"POL\"");
        return "/links/" + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(json)) + "." + signature;
    }

    public async Task<HttpStatusCode> SendAsync(Caller caller, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Clients[caller].SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Clients.Values) client.Dispose();
        await App.DisposeAsync();
    }
}
