using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maca.Testing;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>Drives the app only through its HTTP API, the way a coordinator's tools would.</summary>
public sealed class CycleClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Http.SendAsync(request);
    }

    public async Task<JsonNode> OkJsonAsync(HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await SendAsync(method, path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task SeedPartnershipAsync(string partnershipId, IEnumerable<string> agencyCodes, params string[] themes)
    {
        await OkJsonAsync(HttpMethod.Put, $"/api/partnerships/{partnershipId}", new
        {
            name = "Test partnership", coordinatorEmail = $"coordinator@{partnershipId}.example", managerEmail = $"manager@{partnershipId}.example",
            learningDevelopmentEmail = $"learning@{partnershipId}.example", retentionDays = 730, themes,
        });
        foreach (var code in agencyCodes)
        {
            var domain = $"{code.ToLowerInvariant()}.{partnershipId}.example";
            await OkJsonAsync(HttpMethod.Put, $"/api/partnerships/{partnershipId}/agencies/{code}", new
            {
                name = $"Agency {code}", leadEmail = $"lead@{domain}", qaEmail = $"qa@{domain}", seniorEmail = $"senior@{domain}",
            });
        }
    }

    /// <summary>Starts a cycle and, as a careful client would, waits until its status can be read.</summary>
    public async Task<string> StartAsync(object request, string? idempotencyKey = null)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/cycles", request, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var id = JsonNode.Parse(text)!["id"]!.GetValue<string>();
        // Until its start is recorded, the status says Pending at version 0.
        await Poll.UntilAsync(async () => await SendAsync(HttpMethod.Get, $"/api/cycles/{id}") is { IsSuccessStatusCode: true } r
                && JsonNode.Parse(await r.Content.ReadAsStringAsync())!["version"]!.GetValue<int>() > 0,
            Patience, () => $"Cycle {id} was not recorded.");
        return id;
    }

    /// <summary>
    /// Sends a command. An answer that came before the orchestrator's outcome ("pending") is followed as the API
    /// says: the status shows the cycle moved on when it has, and only then is the next command sent.
    /// </summary>
    public async Task<JsonNode> RaiseAsync(string cycleId, string command, object? body = null)
    {
        var answer = await OkJsonAsync(HttpMethod.Post, $"/api/cycles/{cycleId}/raiseEvent/{command}", body ?? new { },
            HttpStatusCode.Accepted);
        if (answer["outcome"]?.GetValue<string>() != "pending") return answer;
        var before = answer["version"]!.GetValue<int>();
        await Poll.UntilAsync(async () => await StatusAsync(cycleId) is var status
                && (status["version"]!.GetValue<int>() > before || status["lateRefusals"]!.AsArray().Count > 0),
            Patience, () => $"{command} on {cycleId} was not decided.");
        return answer;
    }

    /// <summary>Long enough for a partition to change hands between two processes.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// A client acting for one agency through a magic link this (coordinator) client issues, opened as a lead
    /// would open it from an email: the session cookie, not a token, carries who it is.
    /// </summary>
    public async Task<CycleClient> AgencyAsync(string cycleId, string agency, string purpose, Func<HttpClient> newClient)
    {
        var issued = await OkJsonAsync(HttpMethod.Post, $"/api/cycles/{cycleId}/links", new { agencyCode = agency, purpose }, HttpStatusCode.Created);
        var http = newClient();
        var opened = await http.GetAsync(new Uri(issued["url"]!.GetValue<string>()).PathAndQuery);
        Assert.True(opened.StatusCode == HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        return new CycleClient(http);
    }

    /// <summary>Uploads a file as a browser form would; returns the response so tests can look at refusals too.</summary>
    public async Task<HttpResponseMessage> UploadResponseAsync(string cycleId, string kind, byte[] content, string fileName, string? agency = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        if (agency is not null) form.Add(new StringContent(agency), "agencyCode");
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await Http.PostAsync($"/api/cycles/{cycleId}/documents", form);
    }

    /// <summary>Uploads a chronology (or evidence) and gives back the document id that submissions point at.</summary>
    public async Task<string> UploadAsync(string cycleId, string? agency, string kind = "Chronology", byte[]? content = null, string fileName = "chronology.pdf")
    {
        var response = await UploadResponseAsync(cycleId, kind, content ?? TestFiles.Pdf(), fileName, agency);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload answered {(int)response.StatusCode}: {text}");
        var uploaded = JsonNode.Parse(text)!;
        var id = uploaded["documentId"]!.GetValue<string>();
        // Not attached yet: wait until the history says it is, so a submission can point at it.
        if (uploaded["outcome"]?.GetValue<string>() == "pending")
            await Poll.UntilAsync(async () => (await StatusAsync(cycleId, history: true))["historyEvents"]!.AsArray()
                    .Any(e => e!["data"]?["document"]?["id"]?.GetValue<string>() == id),
                Patience, () => $"Document {id} was not attached.");
        return id;
    }

    public Task<JsonNode> StatusAsync(string cycleId, bool history = false) =>
        OkJsonAsync(HttpMethod.Get, $"/api/cycles/{cycleId}?showHistory={history.ToString().ToLowerInvariant()}");

    public async Task<DateTimeOffset> NowAsync() =>
        (await OkJsonAsync(HttpMethod.Get, "/api/dev/clock"))["utcNow"]!.GetValue<DateTimeOffset>();

    /// <summary>Makes sure the dev clock is at least at <paramref name="instant"/> (it only moves forward).</summary>
    public async Task AdvanceToAsync(DateTimeOffset instant)
    {
        if (instant > await NowAsync()) await OkJsonAsync(HttpMethod.Post, "/api/dev/clock/advance", new { to = instant });
    }

    /// <summary>Runs the daily retention job now, as its timer would (once a day of the app's clock).</summary>
    public Task<JsonNode> RunRetentionAsync() =>
        OkJsonAsync(HttpMethod.Post, "/api/dev/retention/run", new { });

    /// <summary>
    /// Moves the clock to <paramref name="until"/> the way time really passes: stopping at each of the cycle's
    /// wake-up times, so every timer fires at its own simulated moment. Each move answers once the cycles have run
    /// what it made due.
    /// </summary>
    public async Task RunUntilAsync(string cycleId, DateTimeOffset until)
    {
        for (var guard = 0; guard < 200; guard++)
        {
            var wake = (await StatusAsync(cycleId))["customStatus"]!["nextWakeUp"]?.GetValue<DateTimeOffset>();
            if (wake is null || wake > until) break;
            await AdvanceToAsync(wake.Value);
            await SettledAsync(cycleId);
        }
        await AdvanceToAsync(until);
        await SettledAsync(cycleId);
    }

    /// <summary>
    /// Waits until the cycle has nothing left to do now: no step due on the app's clock and no email unsent.
    /// </summary>
    public Task SettledAsync(string cycleId) => Poll.UntilAsync(async () =>
    {
        var status = await StatusAsync(cycleId, history: true);
        var wake = status["customStatus"]!["nextWakeUp"]?.GetValue<DateTimeOffset>();
        var suspended = status["customStatus"]!["suspended"]!.GetValue<bool>();
        return (suspended || wake is null || wake > await NowAsync())
            && status["historyEvents"]!.AsArray().All(e => e!["eventType"]!.GetValue<string>() != "EmailPending");
    }, TimeSpan.FromSeconds(60), () => $"Cycle {cycleId} still has a step due or an email unsent.");

    /// <summary>Waits until every email the cycle has queued has been sent (or has failed for good).</summary>
    public Task DrainOutboxAsync(string cycleId) => SettledAsync(cycleId);
}
