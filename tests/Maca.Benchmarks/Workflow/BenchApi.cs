using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Maca.Benchmarks.Workflow;

/// <summary>The app's HTTP API as the benchmark uses it: every cycle command is timed; a refusal stops the run.</summary>
public sealed class BenchApi(HttpClient http, LatencyRecorder latency, SemaphoreSlim inFlight)
{
    private int _pending;

    /// <summary>Commands answered before the orchestrator's outcome was known.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public Task<JsonNode?> CommandAsync(HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.Accepted) =>
        SendTimedAsync(method, path, body is null ? null : JsonContent.Create(body), expected);

    /// <summary>A chronology upload is part of a submission, so it is timed like a command.</summary>
    public async Task<string> UploadChronologyAsync(string cycleId, string agency)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("Chronology"), "kind" }, { new StringContent(agency), "agencyCode" },
            { new ByteArrayContent(Maca.Testing.TestFiles.Pdf()), "file", "chronology.pdf" },
        };
        var created = await SendTimedAsync(HttpMethod.Post, $"/api/cycles/{cycleId}/documents", form, HttpStatusCode.Created);
        var id = created!["documentId"]!.GetValue<string>();
        if (created["outcome"]?.GetValue<string>() == "pending") await AttachedAsync(cycleId, id);
        return id;
    }

    private async Task<JsonNode?> SendTimedAsync(HttpMethod method, string path, HttpContent? content, HttpStatusCode expected)
    {
        await inFlight.WaitAsync();
        try
        {
            return await latency.TimeAsync(async () =>
            {
                using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = content });
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != expected) throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
                var answer = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
                // An upload says "pending" too; it has no status URL, and is followed by AttachedAsync.
                if (answer?["outcome"]?.GetValue<string>() == "pending" && answer["statusQueryGetUri"] is not null)
                    await OutcomeVisibleAsync(answer);
                return answer;
            });
        }
        finally { inFlight.Release(); }
    }

    /// <summary>
    /// An answer that came before the outcome: the command's time runs on until the status shows the cycle moved on,
    /// so the next command is decided against it.
    /// </summary>
    private async Task OutcomeVisibleAsync(JsonNode answer)
    {
        Interlocked.Increment(ref _pending);
        var status = answer["statusQueryGetUri"]!.GetValue<string>();
        var before = answer["version"]?.GetValue<int>() ?? 0; // a start has none
        await FollowAsync(async () =>
        {
            using var response = await http.GetAsync(new Uri(status).PathAndQuery);
            return response.IsSuccessStatusCode
                && JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!.GetValue<int>() > before;
        }, $"{status} did not move past version {before}");
    }

    /// <summary>An upload answered before its attach: the submission that points at it waits for the attach.</summary>
    private async Task AttachedAsync(string cycleId, string documentId)
    {
        Interlocked.Increment(ref _pending);
        await FollowAsync(async () =>
        {
            var status = JsonNode.Parse(await http.GetStringAsync($"/api/cycles/{cycleId}?showHistory=true"))!;
            return status["historyEvents"]!.AsArray()
                .Any(e => e!["data"]?["document"]?["id"]?.GetValue<string>() == documentId);
        }, $"Document {documentId} was not attached");
    }

    /// <summary>Asks again every 200 ms, for up to 5 minutes, until what a followed answer promised is there.</summary>
    private static async Task FollowAsync(Func<Task<bool>> done, string failure)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(5);)
        {
            if (await done()) return;
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"{failure} in 5 minutes.");
    }

    public Task RaiseAsync(string cycleId, string command, object? body = null) =>
        CommandAsync(HttpMethod.Post, $"/api/cycles/{cycleId}/raiseEvent/{command}", body ?? new { });

    /// <summary>Untimed helpers: set-up, the clock and the sweep are not commands.</summary>
    public async Task<JsonNode> GetAsync(string path) => JsonNode.Parse(await http.GetStringAsync(path))!;

    public async Task PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        if (response.StatusCode != expected) throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task PutAsync(string path, object body)
    {
        using var response = await http.PutAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }
}
