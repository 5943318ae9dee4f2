using System.Net;
using System.Text.Json.Nodes;
using Maca.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static Maca.Functions.Tests.Cycles.CycleScript;

namespace Maca.Functions.Tests.Cycles;

/// <summary>The Durable-style management surface and the error contract, each on its own cycle.</summary>
[Collection(AppCollection.Name)]
public sealed class CycleManagementApiTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private static readonly string[] Agencies = ["CSC", "POL"];

    private async Task<(MacaAppFactory App, CycleClient Api, string Id)> StartedAsync(string partnership = "mgmt")
    {
        var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync(partnership, Agencies, "Neglect");
        await api.AdvanceToAsync(Uk(2029, 10, 1, 10));
        var id = await api.StartAsync(new { partnershipId = partnership, theme = "Neglect", auditType = "InDepth", agencyCodes = Agencies, targetCases = 3 });
        return (app, api, id);
    }

    [Fact]
    public async Task StartingAnswers202WithEveryManagementUrl()
    {
        await using var app = new MacaAppFactory(azurite, maildev);
        var api = app.CreateCycleClient();
        await api.SeedPartnershipAsync("urls", Agencies, "Neglect");
        var response = await api.SendAsync(HttpMethod.Post, "/api/cycles", new { partnershipId = "urls", theme = "Neglect", auditType = "Desktop", agencyCodes = Agencies, targetCases = 2 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var id = body["id"]!.GetValue<string>();
        foreach (var key in new[] { "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "suspendPostUri", "resumePostUri", "purgeHistoryDeleteUri" })
            Assert.Contains($"/api/cycles/{id}", body[key]!.GetValue<string>());
        Assert.Equal(body["statusQueryGetUri"]!.GetValue<string>(), response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ARepeatedCommandWithTheSameIdempotencyKeyIsAppliedOnce()
    {
        var (app, api, id) = await StartedAsync();
        await using var _ = app;
        var body = new { agencyCode = "CSC", caseRef = "IDEM-1", ageBand = "Under 1", gender = "Male", ethnicity = "White", disability = false, agenciesInvolved = new[] { "CSC" }, reason = "Bruising" };
        var first = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/NominateCase", body, idempotencyKey: "nominate-1");
        var again = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/NominateCase", body with { }, idempotencyKey: "nominate-1");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var firstBody = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        await api.RaiseAsync(id, "NominateCase", body with { caseRef = "IDEM-2" }); // the cycle moves on
        var replay = JsonNode.Parse(await (await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/NominateCase", body, idempotencyKey: "nominate-1")).Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.Parse(await again.Content.ReadAsStringAsync())!["replayed"]!.GetValue<bool>());
        Assert.True(replay["replayed"]!.GetValue<bool>());
        Assert.Equal(firstBody["version"]!.GetValue<int>(), replay["version"]!.GetValue<int>()); // the first answer, not today's state
        Assert.Equal(firstBody["events"]!.ToJsonString(), replay["events"]!.ToJsonString());
        var history = (await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray();
        var nominated = history.Where(e => e!["eventType"]!.GetValue<string>() == "CaseNominated")
            .Select(e => e!["data"]!["nomination"]!["caseRef"]!.GetValue<string>()).ToList();
        Assert.Equal(["IDEM-1", "IDEM-2"], nominated); // the keyed request applied once, however often it was sent
    }

    [Fact]
    public async Task AnIdempotencyKeyReusedForADifferentRequestIsRefusedWith422AndAppliesNothing()
    {
        var (app, api, id) = await StartedAsync();
        await using var _ = app;
        var body = new { agencyCode = "CSC", caseRef = "KEY-1", ageBand = "Under 1", gender = "Male", ethnicity = "White", disability = false, agenciesInvolved = new[] { "CSC" }, reason = "Bruising" };
        Assert.Equal(HttpStatusCode.Accepted,
            (await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/NominateCase", body, idempotencyKey: "reused")).StatusCode);

        var otherBody = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/NominateCase", body with { caseRef = "KEY-2" }, idempotencyKey: "reused");
        var otherCommand = await api.SendAsync(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/CloseNominations", new { }, idempotencyKey: "reused");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Contains("Idempotency-Key", JsonNode.Parse(await otherBody.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherCommand.StatusCode);
        var status = await api.StatusAsync(id, history: true);
        Assert.Equal("Nominating", status["customStatus"]!["phase"]!.GetValue<string>());
        Assert.Single(status["historyEvents"]!.AsArray(), e => e!["eventType"]!.GetValue<string>() == "CaseNominated");
    }

    [Fact]
    public async Task StorageThatStaysDownGives503ProblemDetailsThatRevealNothingOfTheAccount()
    {
        var dead = Maca.Testing.FreePort.Next();
        await using var app = new MacaAppFactory(azurite, maildev, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Maca.Testing.AzuriteProcess.ConnectionStringFor(dead, dead, dead),
            ["Storage:MaxRetries"] = "1",
        });
        var response = await app.CreateCoordinatorClient().GetAsync("/api/cycles/c-anything");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("127.0.0.1", text);
        Assert.DoesNotContain("devstoreaccount1", text);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task AStaleIfMatchIsRefusedWith412()
    {
        var (app, api, id) = await StartedAsync();
        await using var _ = app;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cycles/{id}/raiseEvent/CloseNominations") { Content = JsonContent("{}") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ErrorsComeBackAsProblemDetailsWithTheRightStatus()
    {
        var (app, api, id) = await StartedAsync();
        await using var _ = app;
        async Task<(HttpStatusCode, JsonNode)> Raise(string name, string json)
        {
            var response = await api.Http.PostAsync($"/api/cycles/{id}/raiseEvent/{name}", JsonContent(json));
            return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }

        var (badRef, badRefBody) = await Raise("NominateCase", """{"agencyCode":"CSC","caseRef":"943 476 5919","ageBand":"Under 1","gender":"Male","ethnicity":"White","disability":false,"agenciesInvolved":["CSC"],"reason":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badRef);
        Assert.NotNull(badRefBody["errors"]!["caseRef"]);
        var (missing, missingBody) = await Raise("NominateCase", """{"agencyCode":"CSC"}""");
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("caseRef", missingBody["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await Raise("PublishSummary", "{}")).Item1);
        Assert.Equal(HttpStatusCode.NotFound, (await Raise("NotACommand", "{}")).Item1);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync("/api/cycles/c-doesnotexist")).StatusCode);
        await api.RaiseAsync(id, "CloseNominations");
        var (rule, ruleBody) = await Raise("SelectCases", """{"cases":[{"caseRef":"NOPE-1","agenciesInScope":["CSC"]}]}""");
        Assert.Equal(HttpStatusCode.NotFound, rule);
        Assert.Contains("NOPE-1", ruleBody["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASuspendedCycleSendsNothingUntilResumedThenEachDueStepFiresOnce()
    {
        var (app, api, id) = await StartedAsync();
        await using var _ = app;
        await api.DrainOutboxAsync(id);
        await api.OkJsonAsync(HttpMethod.Post, $"/api/cycles/{id}/suspend?reason=Legal%20advice", expected: HttpStatusCode.Accepted);
        var status = await api.StatusAsync(id);
        Assert.Equal("Suspended", status["runtimeStatus"]!.GetValue<string>());
        Assert.Null(status["customStatus"]!["nextWakeUp"]);

        await api.AdvanceToAsync(Uk(2029, 10, 12, 10)); // past the nomination reminder (11 Oct) and the close (15 Oct is later)
        var before = (await maildev.ForCycleAsync(id)).Count;
        Assert.DoesNotContain((await api.StatusAsync(id, history: true))["historyEvents"]!.AsArray(), e => e!["eventType"]!.GetValue<string>() == "StepFired");

        await api.OkJsonAsync(HttpMethod.Post, $"/api/cycles/{id}/resume", expected: HttpStatusCode.Accepted);
        await api.SettledAsync(id);
        var reminders = (await maildev.ForCycleAsync(id)).Select(SentEmail.From).Where(e => e.Kind == "NominationReminder").ToList();
        Assert.Equal(2, reminders.Count); // one per agency, once
        Assert.Equal(before + 2, (await maildev.ForCycleAsync(id)).Count);
    }

    [Fact]
    public async Task OnlyAFinishedCycleCanBePurgedAndPurgingRemovesIt()
    {
        var (app, api, id) = await StartedAsync();
        await using var _ = app;
        Assert.Equal(HttpStatusCode.Conflict, (await api.Http.DeleteAsync($"/api/cycles/{id}")).StatusCode);
        await api.OkJsonAsync(HttpMethod.Post, $"/api/cycles/{id}/terminate?reason=Started%20in%20error", expected: HttpStatusCode.Accepted);
        var status = await api.StatusAsync(id);
        Assert.Equal("Terminated", status["runtimeStatus"]!.GetValue<string>());
        Assert.Equal("Started in error", status["output"]!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await api.Http.DeleteAsync($"/api/cycles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/cycles/{id}")).StatusCode);
    }

    [Fact]
    public async Task ListingFiltersByStatusAndPagesWithAContinuationToken()
    {
        var (app, api, first) = await StartedAsync("list");
        await using var _ = app;
        var ids = new List<string> { first };
        for (var i = 0; i < 4; i++)
            ids.Add(await api.StartAsync(new { partnershipId = "list", theme = "Neglect", auditType = "Desktop", agencyCodes = Agencies, targetCases = 2 }));
        await api.OkJsonAsync(HttpMethod.Post, $"/api/cycles/{ids[0]}/terminate", expected: HttpStatusCode.Accepted);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var response = await api.Http.GetAsync($"/api/cycles?partnershipId=list&runtimeStatus=Running,Pending&top=2" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}"));
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
        } while (token is not null);

        Assert.Equal(ids.Skip(1).Order(), seen.Order());
        var terminated = await api.OkJsonAsync(HttpMethod.Get, "/api/cycles?partnershipId=list&runtimeStatus=Terminated");
        Assert.Equal([ids[0]], terminated["items"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheDevClockDoesNotExistOutsideDevelopment()
    {
        await using var app = new MacaAppFactory(azurite, maildev).WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var response = await app.CreateCoordinatorClient().PostAsync("/api/dev/clock/advance", JsonContent("""{"days":1}"""));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
