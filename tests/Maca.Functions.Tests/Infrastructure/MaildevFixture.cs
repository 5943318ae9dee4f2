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

public static partial class MaildevQueries
{
    /// <summary>The first email of a kind to one address for a cycle, once it arrives, and the magic link in its text.</summary>
    public static async Task<(JsonElement Email, string Link)> EmailWithLinkAsync(this MaildevFixture maildev, string cycleId, string kind, string to)
    {
        var email = await Poll.UntilAsync(async () =>
        {
            var found = (await maildev.ForCycleAsync(cycleId)).FirstOrDefault(e =>
                e.GetProperty("headers").GetProperty("x-maca-kind").GetString() == kind && e.GetProperty("to")[0].GetProperty("address").GetString() == to);
            return (found.ValueKind != JsonValueKind.Undefined, found);
        }, TimeSpan.FromSeconds(30), () => $"No {kind} email reached {to}.");
        return (email, LinkInText().Match(email.GetProperty("text").GetString()!).Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"http://\S+/links/\S+")]
    private static partial System.Text.RegularExpressions.Regex LinkInText();

    /// <summary>Every email maildev holds for one cycle (the app tags each with X-Maca-Cycle).</summary>
    public static async Task<IReadOnlyList<JsonElement>> ForCycleAsync(this MaildevFixture maildev, string cycleId) =>
        (await maildev.AllEmailsAsync()).Where(e => e.GetProperty("headers").TryGetProperty("x-maca-cycle", out var c) && c.GetString() == cycleId).ToList();
}
