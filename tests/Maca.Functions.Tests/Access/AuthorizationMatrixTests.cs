using System.Net;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Maca.Functions.Tests.Access.Caller;

namespace Maca.Functions.Tests.Access;

/// <summary>
/// Every endpoint × every kind of caller → the status they get. A new endpoint without a row here fails the
/// second test, so nothing reaches production without a decided rule.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AuthorizationMatrixTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private sealed record Row(string Method, string Pattern, Func<AccessWorld, string> Path, Func<Caller, object?> Body, string Expected);

    // Shorthand for the expected statuses, in Caller order: anon coA coB admin linkA linkB expired revoked tampered.
    private const string Open200 = "200 200 200 200 200 200 200 200 200";

    private static readonly Row[] Rows =
    [
        new("GET", "/api/health", _ => "/api/health", _ => null, Open200),
        new("GET", "/openapi/{documentName}.json", _ => "/openapi/v1.json", _ => null, Open200),
        // Pages: a coordinator's, a sign-in for everyone (Development), and the front door that sends each on.
        new("GET", "/", _ => "/", _ => null, "302 302 302 302 302 302 302 302 302"),
        new("GET", "/Index", _ => "/Index", _ => null, "302 302 302 302 302 302 302 302 302"),
        new("GET", "/signin", _ => "/signin", _ => null, Open200),
        new("POST", "/signin", _ => "/signin", _ => new { email = AccessWorld.CoordinatorA }, "400 400 400 400 400 400 400 400 400"),
        new("GET", "/cycles", _ => "/cycles", _ => null, "302 200 200 200 403 403 302 302 302"),
        new("GET", "/cycles/new", _ => "/cycles/new", _ => null, "302 200 200 200 403 403 302 302 302"),
        new("GET", "/cycles/{id}", w => $"/cycles/{w.CycleA}", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/cycles/{id}/selection", w => $"/cycles/{w.CycleA}/selection", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/cycles/{id}/submissions/{agency}/{caseRef}", w => $"/cycles/{w.CycleA}/submissions/CSC/MX-01", _ => null,
            "302 404 404 404 403 403 302 302 302"),
        new("GET", "/cycles/{id}/meeting", w => $"/cycles/{w.CycleA}/meeting", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/cycles/{id}/findings", w => $"/cycles/{w.CycleA}/findings", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/cycles/{id}/summary", w => $"/cycles/{w.CycleA}/summary", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/cycles/{id}/actions", w => $"/cycles/{w.CycleA}/actions", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/cycles/{id}/summary/read", w => $"/cycles/{w.CycleA}/summary/read", _ => null, "302 404 404 404 403 403 302 302 302"),
        new("GET", "/cycles/{id}/findings/{caseRef}", w => $"/cycles/{w.CycleA}/findings/MX-01", _ => null, "302 404 404 404 403 403 302 302 302"),
        new("GET", "/agency/summary", _ => "/agency/summary", _ => null, "302 403 403 403 403 403 302 302 302"),
        new("GET", "/agency/actions", _ => "/agency/actions", _ => null, "302 403 403 403 403 403 302 302 302"),
        new("GET", "/agency/actions/{actionId}", _ => "/agency/actions/A1", _ => null, "302 403 403 403 403 403 302 302 302"),
        new("GET", "/cycles/{id}/links", w => $"/cycles/{w.CycleA}/links", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/cycles/{id}/control", w => $"/cycles/{w.CycleA}/control?change=Suspend", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/dev/clock", _ => "/dev/clock", _ => null, "302 200 200 200 403 403 302 302 302"),
        new("GET", "/actions", _ => "/actions?partnership=pa", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/learning", _ => "/learning?partnership=pa", _ => null, "302 200 404 404 403 403 302 302 302"),
        new("GET", "/directory", _ => "/directory", _ => null, "302 200 200 200 403 403 302 302 302"),
        new("GET", "/directory/{partnershipId}", _ => "/directory/pa", _ => null, "302 200 404 200 403 403 302 302 302"),
        new("GET", "/links/ended", _ => "/links/ended", _ => null, Open200),
        new("GET", "/status/{code:int}", _ => "/status/500", _ => null, "404 404 404 404 404 404 404 404 404"),
        new("GET", "/agency", _ => "/agency", _ => null, "302 403 403 403 200 200 302 302 302"),
        new("GET", "/agency/nominate", _ => "/agency/nominate", _ => null, "302 403 403 403 200 200 302 302 302"),
        // A nomination link is not for availability; other links are refused the same way.
        new("GET", "/agency/cases/{caseRef}", _ => "/agency/cases/MX-01", _ => null, "302 403 403 403 403 403 302 302 302"),
        new("GET", "/agency/cases/{caseRef}/check", _ => "/agency/cases/MX-01/check", _ => null, "302 403 403 403 403 403 302 302 302"),
        new("GET", "/agency/cases/{caseRef}/done", _ => "/agency/cases/MX-01/done", _ => null, "302 403 403 403 403 403 302 302 302"),
        new("GET", "/agency/cases/{caseRef}/not-known", _ => "/agency/cases/MX-01/not-known", _ => null, "302 403 403 403 403 403 302 302 302"),
        new("GET", "/agency/extension", _ => "/agency/extension", _ => null, "302 403 403 403 403 403 302 302 302"),
        new("GET", "/agency/availability", _ => "/agency/availability", _ => null, "302 403 403 403 403 403 302 302 302"),
        new("POST", "/api/dev/token", _ => "/api/dev/token", _ => new { email = AccessWorld.CoordinatorA }, Open200),
        new("GET", "/links/{token}", w => AccessWorld.Tamper(w.LinkAUrl), _ => null, "404 404 404 404 404 404 404 404 404"),
        new("POST", "/api/dev/retention/run", _ => "/api/dev/retention/run", _ => new { }, "401 200 200 200 403 403 401 401 401"),

        new("GET", "/api/cycles", _ => "/api/cycles", _ => null, "401 200 200 200 403 403 401 401 401"),
        // An admin sees every partnership in the directory, so is told why it cannot start an audit there (403), not 404.
        new("POST", "/api/cycles", _ => "/api/cycles",
            _ => new { partnershipId = AccessWorld.PartnershipA, theme = "Neglect", auditType = "Desktop", agencyCodes = AccessWorld.Agencies, targetCases = 2 },
            "401 202 404 403 403 403 401 401 401"),
        new("GET", "/api/cycles/commands", _ => "/api/cycles/commands", _ => null, "401 200 200 200 403 403 401 401 401"),
        new("GET", "/api/cycles/{id}", w => $"/api/cycles/{w.CycleA}", _ => null, "401 200 404 404 403 403 401 401 401"),
        new("GET", "/api/cycles/{id}/content", w => $"/api/cycles/{w.CycleA}/content", _ => null, "401 200 404 404 403 403 401 401 401"),
        new("GET", "/api/cycles/{id}/selection/suggestion", w => $"/api/cycles/{w.CycleA}/selection/suggestion", _ => null,
            "401 200 404 404 403 403 401 401 401"),
        new("POST", "/api/cycles/{id}/raiseEvent/{name}", w => $"/api/cycles/{w.CycleA}/raiseEvent/NominateCase", Nomination,
            "401 202 404 404 202 404 401 401 401"),
        new("GET", "/api/cycles/{id}/links", w => $"/api/cycles/{w.CycleA}/links", _ => null, "401 200 404 404 403 403 401 401 401"),
        new("POST", "/api/cycles/{id}/links", w => $"/api/cycles/{w.CycleA}/links", _ => new { agencyCode = "POL", purpose = "Submit" },
            "401 201 404 404 403 403 401 401 401"),
        new("POST", "/api/cycles/{id}/links/{linkId}/revoke", w => $"/api/cycles/{w.CycleA}/links/nosuchlink/revoke", _ => new { },
            "401 404 404 404 403 403 401 401 401"),
        new("POST", "/api/cycles/{id}/emails/{outboxId}/retry", w => $"/api/cycles/{w.CycleA}/emails/nosuch/retry", _ => null,
            "401 404 404 404 403 403 401 401 401"),
        new("POST", "/api/cycles/{id}/documents", w => $"/api/cycles/{w.CycleA}/documents", _ => new { kind = "Chronology" },
            "401 400 404 404 400 404 401 401 401"),
        new("GET", "/api/cycles/{id}/documents/{documentId}", w => $"/api/cycles/{w.CycleA}/documents/doc-nosuch", _ => null,
            "401 404 404 404 404 404 401 401 401"),
        new("POST", "/api/cycles/{id}/suspend", w => $"/api/cycles/{w.CycleA}/suspend", _ => null, "401 202 404 404 403 403 401 401 401"),
        new("POST", "/api/cycles/{id}/resume", w => $"/api/cycles/{w.CycleA}/resume", _ => null, "401 202 404 404 403 403 401 401 401"),

        new("GET", "/api/partnerships/{partnershipId}", _ => "/api/partnerships/pa", _ => null, "401 200 404 200 403 403 401 401 401"),
        new("GET", "/api/partnerships/{partnershipId}/agencies", _ => "/api/partnerships/pa/agencies", _ => null, "401 200 404 200 403 403 401 401 401"),
        new("GET", "/api/partnerships/{partnershipId}/agencies/{code}", _ => "/api/partnerships/pa/agencies/CSC", _ => null,
            "401 200 404 200 403 403 401 401 401"),
        new("PUT", "/api/partnerships/{partnershipId}", _ => "/api/partnerships/pa", _ => Partnership, "401 403 403 200 403 403 401 401 401"),
        new("PUT", "/api/partnerships/{partnershipId}/agencies/{code}", _ => "/api/partnerships/pa/agencies/EDU", _ => Agency,
            "401 403 403 200 403 403 401 401 401"),
        new("DELETE", "/api/partnerships/{partnershipId}/agencies/{code}", _ => "/api/partnerships/pa/agencies/NONE", _ => null,
            "401 403 403 404 403 403 401 401 401"),

        new("GET", "/api/dev/clock", _ => "/api/dev/clock", _ => null, "401 200 200 200 403 403 401 401 401"),
        new("POST", "/api/dev/clock/advance", _ => "/api/dev/clock/advance", _ => new { days = 0 }, "401 400 400 400 403 403 401 401 401"),
        new("GET", "/api/dev/metrics", _ => "/api/dev/metrics", _ => null, "401 200 200 200 403 403 401 401 401"),

        // Last, because they end cycle A: terminate it, then purge it. Coordinator A goes first in each row, so by
        // link A's turn its cycle has ended, and with it the link's session (401).
        new("POST", "/api/cycles/{id}/terminate", w => $"/api/cycles/{w.CycleA}/terminate", _ => null, "401 202 404 404 401 403 401 401 401"),
        new("DELETE", "/api/cycles/{id}", w => $"/api/cycles/{w.CycleA}", _ => null, "401 200 404 404 401 403 401 401 401"),
        new("POST", "/signout", _ => "/signout", _ => null, "302 302 302 302 302 302 302 302 302"),
    ];

    private static object Nomination(Caller caller) => new
    {
        agencyCode = "CSC", caseRef = $"MX-{(int)caller:D2}", ageBand = "Under 1", gender = "Male", ethnicity = "White",
        disability = false, agenciesInvolved = new[] { "CSC" }, reason = "Bruising noticed at nursery",
    };

    private static readonly object Partnership = new
    {
        name = "Partnership A", coordinatorEmail = "coordinator@pa.example", managerEmail = "manager@pa.example",
        learningDevelopmentEmail = "learning@pa.example", retentionDays = 730, themes = new[] { "Neglect" },
    };

    private static readonly object Agency = new { name = "Education", leadEmail = "lead@edu.example", qaEmail = "qa@edu.example", seniorEmail = "head@edu.example" };

    [Fact]
    public async Task EveryEndpointGivesEachKindOfCallerExactlyTheAnswerItsRuleSays()
    {
        await using var world = await AccessWorld.CreateAsync(azurite, maildev);
        var wrong = new List<string>();
        foreach (var row in Rows)
        {
            var expected = row.Expected.Split(' ').Select(int.Parse).ToArray();
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var status = (int)await world.SendAsync(caller, new HttpMethod(row.Method), row.Path(world), row.Body(caller));
                if (status != expected[(int)caller]) wrong.Add($"{row.Method} {row.Pattern} as {caller}: {status}, expected {expected[(int)caller]}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task EveryMappedEndpointHasARowInTheMatrix()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        // A page answers any method its handlers take: its GET row stands for it.
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText)}"))
            .ToHashSet();
        var covered = Rows.Select(r => $"{r.Method} {Normalize(r.Pattern)}").ToHashSet();
        Assert.Empty(mapped.Except(covered));
    }

    private static string Normalize(string? pattern) => "/" + (pattern ?? "").Trim('/');
}
