namespace Maca.Testing;

/// <summary>A real maildev on free loopback ports (SMTP and its web/REST API); killed on dispose.</summary>
public sealed class MaildevProcess : IDisposable
{
    private readonly ChildProcess _process;

    private MaildevProcess(ChildProcess process, int smtp, int web)
    {
        _process = process;
        SmtpPort = smtp; WebPort = web;
    }

    public int SmtpPort { get; }
    public int WebPort { get; }
    public Uri WebUri => new($"http://127.0.0.1:{WebPort}");

    public static async Task<MaildevProcess> StartAsync()
    {
        int smtp = FreePort.Next(), web = FreePort.Next();
        var process = new ChildProcess(RepoPaths.NodeBin("maildev"),
            ["--smtp", smtp.ToString(), "--web", web.ToString(), "--ip", "127.0.0.1", "--silent"]);
        await FreePort.WaitUntilListeningAsync(smtp, TimeSpan.FromSeconds(60), () => process.Output);
        await FreePort.WaitUntilListeningAsync(web, TimeSpan.FromSeconds(60), () => process.Output);
        return new MaildevProcess(process, smtp, web);
    }

    public void Dispose() => _process.Dispose();
}
