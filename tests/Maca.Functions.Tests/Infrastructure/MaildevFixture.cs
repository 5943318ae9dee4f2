using System.Net.Http.Json;
using System.Text.Json;

namespace Maca.Functions.Tests.Infrastructure;

/// <summary>A real maildev on free ports; tests read what arrived through its REST API.</summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    private ChildProcess? _process;
    private readonly HttpClient _http = new();

    public int SmtpPort { get; } = FreePort.Next();
    public int WebPort { get; } = FreePort.Next();
    public Uri WebUri => new($"http://127.0.0.1:{WebPort}");

    public async Task InitializeAsync()
    {
        _process = new ChildProcess(RepoPaths.NodeBin("maildev"),
            ["--smtp", SmtpPort.ToString(), "--web", WebPort.ToString(), "--ip", "127.0.0.1", "--silent"]);
        await FreePort.WaitUntilListeningAsync(SmtpPort, TimeSpan.FromSeconds(60), () => _process.Output);
        await FreePort.WaitUntilListeningAsync(WebPort, TimeSpan.FromSeconds(60), () => _process.Output);
    }

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

    public Task DisposeAsync()
    {
        _http.Dispose();
        _process?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class MaildevCollection : ICollectionFixture<MaildevFixture>
{
    public const string Name = "Maildev";
}
