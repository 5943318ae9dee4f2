using System.Net.Http.Json;
using System.Text.Json;
using Maca.Testing;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>A real maildev on free ports; tests read what arrived through its REST API.</summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    private MaildevProcess? _maildev;
    private readonly HttpClient _http = new();

    private MaildevProcess Maildev => _maildev ?? throw new InvalidOperationException("maildev has not started.");
    public int SmtpPort => Maildev.SmtpPort;
    public Uri WebUri => Maildev.WebUri;

    public async Task InitializeAsync() => _maildev = await MaildevProcess.StartAsync();

    public async Task<IReadOnlyList<JsonElement>> AllEmailsAsync() =>
        (await _http.GetFromJsonAsync<JsonElement[]>(new Uri(WebUri, "/email")))!;

    /// <summary>Polls until an email with this subject has arrived (SMTP hand-off is asynchronous in maildev).</summary>
    public async Task<JsonElement> WaitForSubjectAsync(string subject) =>
        await Poll.UntilAsync(async () =>
        {
            var match = (await AllEmailsAsync()).FirstOrDefault(e => e.GetProperty("subject").GetString() == subject);
            return (match.ValueKind != JsonValueKind.Undefined, match);
        }, TimeSpan.FromSeconds(15), () => $"No email with subject '{subject}' reached maildev.");

    public Task<string> AttachmentAsync(string emailId, string fileName) =>
        _http.GetStringAsync(new Uri(WebUri, $"/email/{emailId}/attachment/{Uri.EscapeDataString(fileName)}"));

    /// <summary>The raw message as it crossed SMTP, MIME headers and all.</summary>
    public Task<string> SourceAsync(string emailId) => _http.GetStringAsync(new Uri(WebUri, $"/email/{emailId}/source"));

    public Task DisposeAsync()
    {
        _http.Dispose();
        _maildev?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class MaildevCollection : ICollectionFixture<MaildevFixture>
{
    public const string Name = "Maildev";
}

public static class MaildevQueries
{
    /// <summary>Every email maildev holds for one cycle (the app tags each with X-Maca-Cycle).</summary>
    public static async Task<IReadOnlyList<JsonElement>> ForCycleAsync(this MaildevFixture maildev, string cycleId) =>
        (await maildev.AllEmailsAsync()).Where(e => e.GetProperty("headers").TryGetProperty("x-maca-cycle", out var c) && c.GetString() == cycleId).ToList();
}
